import { v7 } from 'uuid';

/** Time-ordered UUID v7: ids sort by creation, which keeps keyset pagination and B-tree inserts cheap. */
export const newId = (): string => v7();
