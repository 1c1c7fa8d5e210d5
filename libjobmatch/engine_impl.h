/* Internal: the engine's contents. */
#ifndef JM_ENGINE_IMPL_H
#define JM_ENGINE_IMPL_H

#include "compiled.h"
#include "model.h"

typedef struct jm_rule {
    char *name;        /* as registered */
    char *entry_name;  /* "rule:" + name, as results show it */
    double weight;
    jm_rule_fn fn;
    void *payload;
    jm_payload_free_fn payload_free;
} jm_rule;

struct jm_engine {
    jm_profile *profile; /* a reference of its own */
    jm_rule *rules;
    size_t n_rules, cap_rules;
    jm_travel_fn travel;
    void *travel_payload;
    jm_payload_free_fn travel_free;
    jm_compile_cache *cache; /* compiled sets for batch scoring (compile_cache.c) */
    /* from the profile's weights, for numbers-only scoring (engine.c) */
    double weight_all;                  /* jm_combine.all once every factor is added */
    double positive[JM_FACTOR_COUNT];   /* each factor's weight when positive, else 0 */
};

#endif
