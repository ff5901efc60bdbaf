// The pages' only way to make DOM: elements with attributes and text children. API strings are
// appended as text nodes, never parsed as HTML.

export type Child = Node | string | null | undefined | false | readonly Child[];

function append(parent: Node & ParentNode, child: Child): void {
  if (Array.isArray(child)) for (const c of child as readonly Child[]) append(parent, c);
  else if (child) parent.append(child as Node | string);
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) node.setAttribute(name, '');
    else if (typeof value === 'string') node.setAttribute(name, value);
  }
  append(node, children);
  return node;
}

export const byId = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
};
