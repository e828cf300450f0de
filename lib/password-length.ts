/** Password length bounds, apart from the estimator so the browser bundle can use them alone. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
