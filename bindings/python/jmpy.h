/*
 * Support code of libjobmatch's Python binding, used by the typemaps of
 * jobmatch_python.i.  It lives in a C file of its own so that it compiles
 * with the project's warnings (the SWIG-generated wrapper does not).
 *
 * Every function here is called with the GIL held, except the trampolines,
 * which libjobmatch calls while a scoring call has released the GIL: they take
 * it themselves (PyGILState_Ensure).
 */
#ifndef JOBMATCH_PYTHON_JMPY_H
#define JOBMATCH_PYTHON_JMPY_H

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>

#include "jobmatch.h"

/* ---------------------------------------------------------------------- */
/* Errors                                                                 */

/** Sets the Python exception for a libjobmatch error code: the class that
 *  jobmatch._errors._from_code() picks, with jm_last_error() (or
 *  jm_strerror(code)) as its message.  Returns NULL. */
PyObject *jmpy_raise(int code);

/* ---------------------------------------------------------------------- */
/* Scoring calls                                                          */

/** The state of one scoring call (jm_engine_score, _rank_*, _score_matrix)
 *  in the calling thread: the read-only views made of the records for the
 *  callbacks (cached per record for the call) and the first exception a
 *  callback raised.  Contexts nest (a rule may score another pair). */
typedef struct jmpy_ctx {
    struct jmpy_ctx *prev;
    PyObject *candidate_views; /* dict: record address -> view, made on first use */
    PyObject *job_views;
    PyObject *exc_type, *exc_value, *exc_tb; /* the exception a callback raised */
} jmpy_ctx;

/** Starts a scoring call in this thread (before the GIL is released). */
void jmpy_ctx_enter(jmpy_ctx *ctx);

/** Ends it (after the GIL is taken back).  When a callback raised, its
 *  exception, the very same object with its traceback, is set again and -1
 *  returned; otherwise 0. */
int jmpy_ctx_leave(jmpy_ctx *ctx);

/* ---------------------------------------------------------------------- */
/* Callbacks                                                              */

/** Registers a rule whose payload is adapter, a Python callable
 *  adapter(candidate_view, job_view) that returns a 5-tuple
 *  (score or None, veto reason or None, lift or None, note or None,
 *  failure message or None); adapter.freeze(json_text) makes a record's
 *  view.  The engine holds a reference to adapter until the rule is removed
 *  or the engine freed.  Returns a jm_error_code. */
int jmpy_engine_add_rule(jm_engine *engine, const char *name, double weight, PyObject *adapter);

/** Sets the travel-time source: adapter(candidate_view, job_view, mode_name)
 *  returns minutes (a float) or None to let the engine estimate; None as
 *  adapter removes the source.  Returns a jm_error_code. */
int jmpy_engine_set_travel_time(jm_engine *engine, PyObject *adapter);

/** How many callbacks the calling thread entered without holding the GIL
 *  (that is, from a scoring call that had released it).  For the tests. */
unsigned long jmpy_callbacks_without_gil(void);

/* ---------------------------------------------------------------------- */
/* Conversions                                                            */

/** Borrows the bytes of a str (its UTF-8 form) or of a bytes-like object.
 *  *view is released with jmpy_release() (it is left empty for a str).
 *  Returns 0, or -1 with TypeError set. */
int jmpy_text_arg(PyObject *obj, Py_buffer *view, const char **text, size_t *len);

/** Borrows the writable, C-contiguous memory of obj (a numpy array, an
 *  array.array, a bytearray ...) whose items have the given struct format
 *  ('d' for doubles; 'B' for bytes, which also accepts '?' and 'b'; 'N'
 *  for size_t, which accepts any 8-byte integer format such as numpy's intp).
 *  *count gets the number of items.  Returns 0, or -1 with an exception. */
int jmpy_buffer_arg(PyObject *obj, Py_buffer *view, char format, void **buf, size_t *count);

/** Releases a view filled by jmpy_text_arg / jmpy_buffer_arg (or left
 *  zeroed). */
void jmpy_release(Py_buffer *view);

/** Reads an occupation from a dict with any of the keys "label", "esco",
 *  "isco", "onet" (str or None).  The strings are borrowed from the dict's
 *  values.  Returns 0, or -1 with an exception. */
int jmpy_occupation_arg(PyObject *obj, jm_occupation *out);

/** Copies a sequence of numbers into a new array (freed with PyMem_Free).
 *  Returns 0, or -1 with an exception. */
int jmpy_doubles_arg(PyObject *obj, double **values, size_t *n);

/** A str from a string libjobmatch allocated; the string is freed with
 *  jm_free whatever happens.  NULL gives None. */
PyObject *jmpy_take_string(char *s);

/** A str from a borrowed C string (UTF-8, undecodable bytes kept as
 *  surrogates); NULL gives None. */
PyObject *jmpy_str(const char *s);

/* The value structs as dicts whose keys are the struct members' names. */
PyObject *jmpy_diag_dict(const jm_diag *d);
PyObject *jmpy_factor_dict(const jm_factor_info *f);
PyObject *jmpy_exclusion_dict(const jm_exclusion *e);
PyObject *jmpy_skill_dict(const jm_skill_match *s);
PyObject *jmpy_training_dict(const jm_training_item *t);
PyObject *jmpy_support_dict(const jm_support_item *s);
PyObject *jmpy_fading_dict(const jm_fading_step *f);

#endif /* JOBMATCH_PYTHON_JMPY_H */
