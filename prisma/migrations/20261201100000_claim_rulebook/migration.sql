-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "submittedExact" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "changedBy" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ReviewDecision" ADD COLUMN     "record" JSONB;

-- Four-eyes: whoever last edited a claim that is not approved counts as having changed it.
UPDATE "Claim" SET "changedBy" = ARRAY["lastEditedById"]
WHERE "lastEditedById" IS NOT NULL AND "reviewState" <> 'APPROVED';

-- The audit log is append-only, whoever connects (owner included, short of dropping the
-- trigger): UPDATE, DELETE and TRUNCATE of "AuditEvent" raise an error.
CREATE FUNCTION "factmark_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "factmark_audit_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "factmark_audit_append_only"();

-- And no role but the owner holds those privileges on it.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM PUBLIC;
