/*
 * libjobmatch's low-level Python module, jobmatch._core.
 *
 * It binds the public C API of include/jobmatch.h as flat functions with the
 * C names (jm_engine_new, jm_match_total ...), shaped for the pure-Python
 * package jobmatch (bindings/python/jobmatch/), which is the API for users:
 *
 *  - an int return is an error code: a negative one raises the exception
 *    jobmatch._errors._from_code() picks, with jm_last_error() as message;
 *    JM_OK gives nothing back (except the few ints that are values, below);
 *  - out-parameters are returned: handles as opaque pointer objects (the
 *    package frees them with their jm_*_free), strings the library allocates
 *    as str (freed with jm_free), value structs (jm_factor_info ...) as dicts;
 *  - (text, len) takes a str or bytes; jm_load_options a tuple
 *    (unknown_fields, unknown_terms, profile or None, source or None,
 *    max_depth, max_bytes) or None; output arrays writable buffers (numpy arrays);
 *  - scoring calls release the GIL; rules and the travel-time source are
 *    Python callables reached through C trampolines that take the GIL back
 *    (jmpy.c), and an exception they raise propagates, unchanged, to the
 *    caller of the scoring call.
 */
%module(package="jobmatch", docstring="Low-level bindings of libjobmatch (internal: use the jobmatch package).") _core

%{
#include "jmpy.h"
%}

/* ---------------------------------------------------------------------- */
/* Error codes                                                            */

/* The ints that are values, not error codes. */
%typemap(out) int jm_match_feasible, int jm_factor_is_preference,
              int jm_profile_has_support_need, int jm_profile_has_functional_dimension,
              int jm_profile_has_offer "$result = PyBool_FromLong($1);"
%typemap(out) int jm_factor_from_name "$result = PyLong_FromLong($1);"

/* Every other int is a jm_error_code. */
%typemap(out) int {
    if ($1 < 0) {
        if (!PyErr_Occurred())
            jmpy_raise($1);
        SWIG_fail;
    }
    $result = SWIG_Py_Void();
}

/* ---------------------------------------------------------------------- */
/* Out-parameters                                                         */

/* Handles: an opaque pointer object; the package owns and frees it. */
%typemap(in, numinputs=0) SWIGTYPE **out ($*1_ltype temp = NULL) "$1 = &temp;"
%typemap(argout) SWIGTYPE **out
    "$result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj(*$1, $*1_descriptor, 0));"

/* Strings the library allocates: a str, and the string freed with jm_free. */
%typemap(in, numinputs=0) char **out (char *temp = NULL) "$1 = &temp;"
%typemap(argout) char **out {
    PyObject *s = jmpy_take_string(*$1);
    *$1 = NULL;
    if (!s)
        SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, s);
}
%typemap(freearg) char **out "jm_free(*$1);"

/* Value structs: a dict of their members. */
%define JMPY_STRUCT_OUT(TYPE, CONVERT)
%typemap(in, numinputs=0) TYPE *out (TYPE temp) "memset(&temp, 0, sizeof temp); $1 = &temp;"
%typemap(argout) TYPE *out {
    PyObject *o = CONVERT($1);
    if (!o)
        SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, o);
}
%ignore TYPE;
%enddef
JMPY_STRUCT_OUT(jm_diag, jmpy_diag_dict)
JMPY_STRUCT_OUT(jm_factor_info, jmpy_factor_dict)
JMPY_STRUCT_OUT(jm_exclusion, jmpy_exclusion_dict)
JMPY_STRUCT_OUT(jm_skill_match, jmpy_skill_dict)
JMPY_STRUCT_OUT(jm_training_item, jmpy_training_dict)
JMPY_STRUCT_OUT(jm_support_item, jmpy_support_dict)
JMPY_STRUCT_OUT(jm_fading_step, jmpy_fading_dict)

/* ---------------------------------------------------------------------- */
/* Inputs                                                                 */

/* JSON text: str (as UTF-8) or bytes-like. */
%typemap(in) (const char *text, size_t len) (Py_buffer view = {0}) {
    if (jmpy_text_arg($input, &view, (const char **)&$1, &$2) < 0)
        SWIG_fail;
}
%typemap(freearg) (const char *text, size_t len) "jmpy_release(&view$argnum);"
%typemap(typecheck) (const char *text, size_t len)
    "$1 = PyUnicode_Check($input) || PyObject_CheckBuffer($input);"

/* Load options: None (the defaults) or a tuple. */
%ignore jm_load_options;
%ignore jm_load_options_init;
%typemap(in) const jm_load_options *opts (jm_load_options temp) {
    if ($input == Py_None) {
        $1 = NULL;
    } else {
        PyObject *prof = NULL;
        const char *source = NULL;
        Py_ssize_t depth = 0, max_bytes = 0;
        jm_load_options_init(&temp);
        if (!PyArg_ParseTuple($input, "iiOznn;load options are (unknown_fields, unknown_terms, "
                              "profile, source, max_depth, max_bytes)", &temp.unknown_fields,
                              &temp.unknown_terms, &prof, &source, &depth, &max_bytes))
            SWIG_fail;
        if (depth < 0)
            SWIG_exception_fail(SWIG_ValueError, "max_depth must be >= 0");
        if (max_bytes < 0)
            SWIG_exception_fail(SWIG_ValueError, "max_bytes must be >= 0");
        temp.max_bytes = (size_t)max_bytes;
        if (prof != Py_None) {
            void *p = NULL;
            if (!SWIG_IsOK(SWIG_ConvertPtr(prof, &p, $descriptor(jm_profile *), 0)))
                SWIG_exception_fail(SWIG_TypeError, "load options: profile must be a jm_profile");
            temp.profile = p;
        }
        temp.source = source;
        temp.max_depth = (size_t)depth;
        $1 = &temp;
    }
}

/* An occupation: a dict with "label", "esco", "isco", "onet". */
%ignore jm_occupation;
%typemap(in) const jm_occupation *occupation (jm_occupation temp) {
    if (jmpy_occupation_arg($input, &temp) < 0)
        SWIG_fail;
    $1 = &temp;
}

/* Six RIASEC scores: any sequence of numbers. */
%typemap(in) (const double *scores, size_t n) (double *values = NULL) {
    if (jmpy_doubles_arg($input, &values, &$2) < 0)
        SWIG_fail;
    $1 = values;
}
%typemap(freearg) (const double *scores, size_t n) "PyMem_Free(values$argnum);"

/* Batch options: None (the defaults: one thread) or the number of threads
 * (0: one per processor).  Progress reports are not offered in Python. */
%ignore jm_batch_options;
%ignore jm_batch_options_init;
%typemap(in) const jm_batch_options *opts (jm_batch_options temp) {
    jm_batch_options_init(&temp);
    if ($input != Py_None) {
        long threads = PyLong_AsLong($input);
        if (threads == -1 && PyErr_Occurred())
            SWIG_fail;
        if (threads < 0 || threads > 256)
            SWIG_exception_fail(SWIG_ValueError, "threads must be from 0 to 256");
        temp.threads = (unsigned)threads;
    }
    $1 = &temp;
}

/* The output arrays of jm_engine_score_matrix: writable buffers, filled in
 * place (a numpy array, an array.array, a bytearray); feasible may be None. */
%typemap(in) (double *totals, size_t n_totals) (Py_buffer view = {0}) {
    void *buf = NULL;
    if (jmpy_buffer_arg($input, &view, 'd', &buf, &$2) < 0)
        SWIG_fail;
    $1 = buf;
}
%typemap(freearg) (double *totals, size_t n_totals) "jmpy_release(&view$argnum);"
%typemap(in) (unsigned char *feasible, size_t n_feasible) (Py_buffer view = {0}) {
    memset(&view, 0, sizeof view);
    if ($input == Py_None) {
        $1 = NULL;
        $2 = 0;
    } else {
        void *buf = NULL;
        if (jmpy_buffer_arg($input, &view, 'B', &buf, &$2) < 0)
            SWIG_fail;
        $1 = buf;
    }
}
%typemap(freearg) (unsigned char *feasible, size_t n_feasible) "jmpy_release(&view$argnum);"

/* The outputs of jm_engine_top_jobs / jm_engine_top_candidates: writable
 * buffers of size_t (numpy intp: SIZE_MAX reads as -1) and float64. */
%typemap(in) (size_t *index, size_t n_index) (Py_buffer view = {0}) {
    void *buf = NULL;
    if (jmpy_buffer_arg($input, &view, 'N', &buf, &$2) < 0)
        SWIG_fail;
    $1 = buf;
}
%typemap(freearg) (size_t *index, size_t n_index) "jmpy_release(&view$argnum);"
%typemap(in) (size_t *counts, size_t n_counts) (Py_buffer view = {0}) {
    memset(&view, 0, sizeof view);
    if ($input == Py_None) {
        $1 = NULL;
        $2 = 0;
    } else {
        void *buf = NULL;
        if (jmpy_buffer_arg($input, &view, 'N', &buf, &$2) < 0)
            SWIG_fail;
        $1 = buf;
    }
}
%typemap(freearg) (size_t *counts, size_t n_counts) "jmpy_release(&view$argnum);"

/* ---------------------------------------------------------------------- */
/* Releasing the GIL                                                      */

/* Scoring may run rules and the travel-time source: a context per call
 * carries their exception back (jmpy.c). */
%define JMPY_SCORING_CALL(FUNC)
%exception FUNC {
    jmpy_ctx jmpy_call;
    jmpy_ctx_enter(&jmpy_call);
    Py_BEGIN_ALLOW_THREADS
    $action
    Py_END_ALLOW_THREADS
    if (jmpy_ctx_leave(&jmpy_call) < 0)
        SWIG_fail;
}
%enddef
JMPY_SCORING_CALL(jm_engine_score)
JMPY_SCORING_CALL(jm_engine_rank_jobs)
JMPY_SCORING_CALL(jm_engine_rank_candidates)
JMPY_SCORING_CALL(jm_engine_score_matrix)
JMPY_SCORING_CALL(jm_engine_top_jobs)
JMPY_SCORING_CALL(jm_engine_top_candidates)

/* Reading documents and compiling sets run no Python code. */
%define JMPY_NOGIL_CALL(FUNC)
%exception FUNC {
    Py_BEGIN_ALLOW_THREADS
    $action
    Py_END_ALLOW_THREADS
}
%enddef
JMPY_NOGIL_CALL(jm_validate)
JMPY_NOGIL_CALL(jm_engine_prepare)
JMPY_NOGIL_CALL(jm_candidates_load)
JMPY_NOGIL_CALL(jm_candidates_load_file)
JMPY_NOGIL_CALL(jm_jobs_load)
JMPY_NOGIL_CALL(jm_jobs_load_file)
JMPY_NOGIL_CALL(jm_candidate_from_json)
JMPY_NOGIL_CALL(jm_job_from_json)
JMPY_NOGIL_CALL(jm_profile_from_json)
JMPY_NOGIL_CALL(jm_profile_load_file)

/* Only the C trampolines give verdicts. */
%ignore jm_verdict_score;
%ignore jm_verdict_abstain;
%ignore jm_verdict_veto;
%ignore jm_verdict_note;
%ignore jm_verdict_fail;

/* ---------------------------------------------------------------------- */
/* Rules and travel times, with Python callables                          */

%feature("docstring") jmpy_engine_add_rule
"jmpy_engine_add_rule(engine, name, weight, adapter)

Registers adapter (see jobmatch._engine._RuleAdapter) as rule NAME.";
%feature("docstring") jmpy_engine_set_travel_time
"jmpy_engine_set_travel_time(engine, adapter)

Sets (adapter) or removes (None) the travel-time source.";
%feature("docstring") jmpy_callbacks_without_gil
"How many callbacks this thread entered without the GIL (for the tests).";
int jmpy_engine_add_rule(jm_engine *engine, const char *name, double weight, PyObject *adapter);
int jmpy_engine_set_travel_time(jm_engine *engine, PyObject *adapter);
unsigned long jmpy_callbacks_without_gil(void);

%include "../jobmatch.i"
