/* Occupations: the owned jm_occ and its conversion from the public struct. */
#include <stdlib.h>
#include <string.h>

#include "record.h"

void jm_occ_clear(jm_occ *o)
{
    if (!o)
        return;
    free(o->label);
    free(o->esco_uri);
    free(o->isco);
    free(o->onet);
    o->label = o->esco_uri = o->isco = o->onet = NULL;
}

static int fill(jm_occ *dst, const char *label, const char *esco, const char *isco, const char *onet)
{
    jm_occ t = { NULL, NULL, NULL, NULL };
    if (!jm_dup_opt(&t.label, label) || !jm_dup_opt(&t.esco_uri, esco) ||
        !jm_dup_opt(&t.isco, isco) || !jm_dup_opt(&t.onet, onet)) {
        jm_occ_clear(&t);
        return JM_ENOMEM;
    }
    *dst = t;
    return JM_OK;
}

int jm_occ_copy(jm_occ *dst, const jm_occ *src)
{
    return fill(dst, src->label, src->esco_uri, src->isco, src->onet);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool jm_isco_valid(const char *s)
{
    if (!s)
        return false;
    size_t n = 0;
    while (is_digit(s[n]))
        n++;
    if (n < 1 || n > 4)
        return false;
    s += n;
    while (*s == '.') {
        s++;
        size_t k = 0;
        while (is_digit(s[k]))
            k++;
        if (k == 0)
            return false;
        s += k;
    }
    return *s == '\0';
}

bool jm_onet_valid(const char *s)
{
    static const char pattern[] = "NN-NNNN.NN";
    if (!s || strlen(s) != sizeof pattern - 1)
        return false;
    for (size_t i = 0; pattern[i]; i++) {
        if (pattern[i] == 'N' ? !is_digit(s[i]) : s[i] != pattern[i])
            return false;
    }
    return true;
}

const char *jm_occupation_problem(const jm_occupation *o)
{
    if (!o)
        return "occupation is NULL";
    if (!o->label && !o->esco_uri && !o->isco && !o->onet)
        return "occupation has none of label, esco, isco and onet";
    if (o->label && !jm_text_ok(o->label))
        return "label is empty or not UTF-8";
    if (o->esco_uri && !jm_long_id_valid(o->esco_uri, 512))
        return "esco is not a URI of 1..512 bytes without control characters";
    if (o->isco && !jm_isco_valid(o->isco))
        return "isco is not an ISCO-08 code (1 to 4 digits, optional .N segments)";
    if (o->onet && !jm_onet_valid(o->onet))
        return "onet is not an O*NET-SOC code (NN-NNNN.NN)";
    return NULL;
}

int jm_occ_from_public(jm_occ *dst, const jm_occupation *src)
{
    const char *why = jm_occupation_problem(src);
    if (why)
        return jm_fail(JM_EINVAL, "occupation: %s", why);
    return fill(dst, src->label, src->esco_uri, src->isco, src->onet);
}

bool jm_occ_is_empty(const jm_occ *o)
{
    return !o || (!o->label && !o->esco_uri && !o->isco && !o->onet);
}
