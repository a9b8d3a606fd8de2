/** What the field seeds (hazards, patrols, visits) know of a demo station: its people, villages and households. */
export interface FieldPerson {
  id: string;
  name: string;
}

export interface FieldStation {
  id: string;
  path: string;
  name: string;
  rural: boolean;
  chief: FieldPerson;
  desk: FieldPerson;
  officer: FieldPerson;
  aux: FieldPerson;
  grid: FieldPerson;
  /** Its villages (or communities), each with its grids. */
  villages: { id: string; path: string; name: string; grids: { id: string; path: string; name: string }[] }[];
  households: { id: string; unitId: string; unitPath: string; address: string }[];
}
