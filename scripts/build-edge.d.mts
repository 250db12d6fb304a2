export const EDGE_BUNDLE: string;
export function buildEdge(root?: string): Promise<string>;
export function edgeIsCurrent(root?: string): boolean;
