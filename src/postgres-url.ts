/** Whether a string names a PostgreSQL database (what `vncite graph --to` and `vncite query` take); apart, so that the command line reads it without loading the PostgreSQL path. */
export const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);
