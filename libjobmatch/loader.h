/*
 * Internal: the loader of documents (documents.c), shared with the
 * streaming reader of files (stream.c).
 *
 * A loader collects the records of one document (or one file), checking
 * ids for duplicates within it and against the target set; nothing reaches
 * the set until jm_loader_commit, so a failed load changes nothing.
 */
#ifndef JM_LOADER_H
#define JM_LOADER_H

#include "jsonread.h"
#include "model.h"

/* Ids seen in one document: a small open-addressing hash set. */
typedef struct id_entry {
    char *id;    /* owned */
    char *where;    /* path of the record (owned) */
    int line;
} id_entry;

typedef struct id_set {
    id_entry *slots;
    size_t cap, n;
} id_set;

typedef struct loader {
    jm_jr r;
    int want;      /* JM_DOC_CANDIDATE, JM_DOC_JOB, or JM_DOC_UNKNOWN (validate: any) */
    bool keep;     /* keep the records read (load), or free them at once (validate) */
    const jm_candidates *cset; /* ids already in the target set */
    const jm_jobs *jset;
    jm_candidate **cands;
    size_t n_cands, cap_cands;
    jm_job **jobs;
    size_t n_jobs, cap_jobs;
    id_set cand_ids, job_ids;
} loader;

/** Prepares a loader of records of kind want (JM_DOC_CANDIDATE or
 *  JM_DOC_JOB) into set (a jm_candidates or a jm_jobs). */
void jm_loader_init(loader *ld, const jm_load_options *opts, jm_diags *diags, int want, const void *set);
void jm_loader_free(loader *ld);

/** Reads a whole document (a record, an array, a collection or JSON
 *  Lines).  JM_OK or the first error's code. */
int jm_loader_read_document(loader *ld, const char *text, size_t len);

/** Reads one line of JSON Lines (text[0..len), without its newline), line
 *  numbered from 1.  Blank lines, and a first line holding only a BOM, are
 *  skipped. */
void jm_loader_read_line(loader *ld, const char *text, size_t len, int line);

/** The result so far: JM_OK or the first error's code. */
int jm_loader_status(const loader *ld);

/** Would the first lines of a file make it JSON Lines, as
 *  jm_loader_read_document decides for the whole text?  first is the first
 *  non-blank line (bom_allowed: it is the file's first line, which may
 *  start with a byte-order mark), next the following non-blank line (NULL
 *  when there is none). */
bool jm_loader_json_lines_start(const char *first, size_t first_len, bool bom_allowed, const char *next,
                                size_t next_len);

/** Appends the records read to the set (all or none).  JM_OK, JM_EEXISTS
 *  (an id already in the set, reported) or JM_ENOMEM. */
int jm_loader_commit(loader *ld, void *set);

#endif /* JM_LOADER_H */
