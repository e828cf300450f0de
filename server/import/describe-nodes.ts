/**
 * A document as lines for tests that compare two documents node for node (./build-linkedom,
 * ./well-formed against parse5's route).
 */

/**
 * Every node in document order, with what the extraction can read of it: type, names,
 * namespace, owner SVG element, attributes in order (as stored and as read) and data. Text
 * nodes are listed one by one, so a run cut differently shows.
 */
export function describeNodes(document: Document): string[] {
  const lines: string[] = [];
  const visit = (node: Node, depth: number) => {
    const indent = ' '.repeat(depth);
    if (node.nodeType === 1) {
      const element = node as Element;
      const attributes = [...element.attributes].map(
        (a) =>
          `${a.name}=${JSON.stringify(a.value)}/${JSON.stringify(element.getAttribute(a.name))}`,
      );
      const owner = (element as { ownerSVGElement?: Element | null }).ownerSVGElement;
      lines.push(
        `${indent}<${element.localName}> ${element.tagName} ${element.namespaceURI} ` +
          `${owner ? 'in-svg' : ''} ${attributes.join(' ')} class=${element.className}`,
      );
    } else if (node.nodeType === 3 || node.nodeType === 8) {
      lines.push(`${indent}#${node.nodeType} ${JSON.stringify((node as CharacterData).data)}`);
    } else {
      lines.push(`${indent}${node.nodeName}`);
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child, depth + 1);
  };
  visit(document, 0);
  return lines;
}
