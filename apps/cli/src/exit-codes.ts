/** Exit codes: 0 done, 1 the work failed, 2 the command line was wrong, 3 an import rejected records, 130 interrupted. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE_CODE = 2;
export const EXIT_INTERRUPTED = 130;
/** An import finished but rejected some records (they are listed on stderr). */
export const EXIT_SOME_REJECTED = 3;
