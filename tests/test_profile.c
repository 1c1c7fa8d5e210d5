/* Scoring profiles: SHA-256, the IPS default, the canonical JSON form and
 * hash, reading custom profiles with their diagnostics, reference counts. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "profile_fields.h"
#include "profile_impl.h"
#include "sha256.h"
#include "testutil.h"

#define HDR "\"schema\": \"jobmatch/1\", \"type\": \"scoring_profile\""

/* Loads a profile that must load; fails the test with its diagnostics otherwise. */
static jm_profile *load_ok(const char *json, jm_diags *d)
{
    jm_profile *p = NULL;
    int rc = jm_profile_from_json(json, strlen(json), NULL, d, &p);
    if (rc != JM_OK && d)
        tu_diags_print(d);
    ck_assert_msg(rc == JM_OK, "profile did not load (%s): %s", jm_strerror(rc), jm_last_error());
    ck_assert_ptr_nonnull(p);
    return p;
}

/* Loads a profile that must fail with rc and report needle at path. */
static void load_fails(const char *json, int rc_expected, const char *path, const char *needle)
{
    jm_diags *d = NULL;
    ck_assert_int_eq(jm_diags_new(&d), JM_OK);
    jm_profile *p = (jm_profile *)(void *)&d; /* a sentinel: must be left untouched */
    jm_profile *sentinel = p;
    int rc = jm_profile_from_json(json, strlen(json), NULL, d, &p);
    if (rc != rc_expected || !tu_diags_has(d, path, needle))
        tu_diags_print(d);
    ck_assert_int_eq(rc, rc_expected);
    ck_assert_ptr_eq(p, sentinel);
    ck_assert_msg(tu_diags_has(d, path, needle), "no diagnostic at '%s' containing '%s'", path,
                  needle);
    jm_diags_free(d);
}

static double default_total(const jm_profile *p)
{
    double t = 0;
    for (int f = 0; f < JM_FACTOR_COUNT; f++)
        t += jm_profile_weight(p, f);
    return t;
}

/* ---------------------------------------------------------------------- */

START_TEST(sha256_vectors)
{
    char hex[65];
    jm_sha256_hex("", 0, hex);
    ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    jm_sha256_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    jm_sha256_hex(m448, strlen(m448), hex);
    ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* the 896-bit message of FIPS 180-2's examples (two blocks after padding) */
    const char *m896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                       "klmnopqrlmnopqrsmnopqrstnopqrstu";
    jm_sha256_hex(m896, strlen(m896), hex);
    ck_assert_str_eq(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");

    char *a = malloc(1000000);
    ck_assert_ptr_nonnull(a);
    memset(a, 'a', 1000000);
    jm_sha256_hex(a, 1000000, hex);
    ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");

    /* the same million in uneven pieces, crossing block boundaries */
    jm_sha256_ctx ctx;
    unsigned char dig[32];
    jm_sha256_init(&ctx);
    size_t done = 0, step = 1;
    while (done < 1000000) {
        size_t n = step < 1000000 - done ? step : 1000000 - done;
        jm_sha256_update(&ctx, a + done, n);
        done += n;
        step = step * 3 % 200 + 1;
    }
    jm_sha256_final(&ctx, dig);
    ck_assert_uint_eq(dig[0], 0xcd);
    ck_assert_uint_eq(dig[31], 0xd0);
    free(a);

    /* 55 and 56 bytes: the padding boundary */
    char b[64];
    memset(b, 'a', sizeof b);
    jm_sha256_hex(b, 55, hex);
    ck_assert_str_eq(hex, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    jm_sha256_hex(b, 56, hex);
    ck_assert_str_eq(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}
END_TEST

START_TEST(default_weights)
{
    jm_profile *p = NULL;
    ck_assert_int_eq(jm_profile_default(&p), JM_OK);
    ck_assert_str_eq(jm_profile_id(p), "ips-default");
    TU_NEAR(default_total(p), 1.0);
    double pref = 0;
    for (int f = 0; f < JM_FACTOR_COUNT; f++)
        if (jm_factor_is_preference(f))
            pref += jm_profile_weight(p, f);
    TU_NEAR(pref, 0.70);
    ck_assert(pref >= 0.6);
    TU_NEAR(jm_profile_weight(p, JM_FACTOR_JOB_TYPE), 0.20);
    TU_NEAR(jm_profile_weight(p, JM_FACTOR_SKILLS), 0.12);
    TU_NEAR(jm_profile_weight(p, JM_FACTOR_SUPPORT), 0.07);
    TU_NEAR(jm_profile_weight(p, JM_FACTOR_LEGAL), 0.0);
    TU_NEAR(jm_profile_weight(p, JM_FACTOR_PROGRAMME), 0.0);
    TU_NEAR(jm_profile_weight(p, -1), 0.0);
    TU_NEAR(jm_profile_weight(p, JM_FACTOR_COUNT), 0.0);
    TU_NEAR(jm_profile_weight(NULL, JM_FACTOR_HOURS), 0.0);

    const jm_thresholds *t = &p->th;
    TU_NEAR(t->hours_inside_min, 0.8);
    TU_NEAR(t->speed_kmh[JM_TRANSPORT_PUBLIC], 18.0);
    TU_NEAR(t->overhead_min[JM_TRANSPORT_PUBLIC], 10.0);
    TU_NEAR(t->importance_weight[JM_IMPORTANCE_MUST], 3.0);
    TU_NEAR(t->need_weight[JM_INTENSITY_HIGH], 3.0);
    TU_NEAR(t->coach_hours[JM_INTENSITY_MEDIUM], 2.5);
    TU_NEAR(t->short2_unsupported, 0.1);
    ck_assert(!p->competitive_only && !p->integrated_only);
    ck_assert(isnan(p->min_wage));
    ck_assert_uint_eq(p->n_fading, 4);
    ck_assert_int_eq(p->fading[3].week, 13);
    TU_NEAR(p->fading[3].share, 0.2);
    ck_assert(p->fading[p->n_fading - 1].share <= 0.25); /* fades to 25% or less */
    jm_profile_free(p);
}
END_TEST

START_TEST(default_vocabulary)
{
    const jm_profile *p = jm_profile_builtin();
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(p->n_offers, 12);
    ck_assert_uint_eq(p->n_needs, 20);
    ck_assert_uint_eq(p->n_dims, 12);

    const jm_need_def *n = jm_profile_find_need(p, "structured_task_instruction");
    ck_assert_ptr_nonnull(n);
    ck_assert_uint_eq(n->n_met_by, 3);
    ck_assert_str_eq(n->met_by[0], "adjusted_training");
    ck_assert_str_eq(n->met_by[2], "job_coach");
    n = jm_profile_find_need(p, "help_with_travel");
    ck_assert_str_eq(n->met_by[2], "agency");

    const jm_offer_def *o = jm_profile_find_offer(p, "mentor");
    ck_assert_int_eq(o->provider, JM_PROVIDER_NATURAL);
    ck_assert_int_eq(jm_profile_find_offer(p, "access_to_work")->provider, JM_PROVIDER_FUNDED);
    ck_assert_int_eq(jm_profile_find_offer(p, "equipment")->provider, JM_PROVIDER_EMPLOYER);
    ck_assert_ptr_null(jm_profile_find_offer(p, "job_coach")); /* a pseudo-offer */

    const jm_dim_def *d = jm_profile_find_dim(p, "orienting");
    ck_assert_str_eq(d->need, "structured_task_instruction");
    ck_assert_str_eq(d->supported_by[1], "buddy");

    /* every reference in the default resolves */
    for (size_t i = 0; i < p->n_needs; i++)
        for (size_t j = 0; j < p->needs[i].n_met_by; j++) {
            const char *r = p->needs[i].met_by[j];
            ck_assert_msg(jm_profile_find_offer(p, r) || !strcmp(r, "job_coach") ||
                              !strcmp(r, "agency"), "unresolved %s", r);
        }
    for (size_t i = 0; i < p->n_dims; i++) {
        ck_assert_ptr_nonnull(jm_profile_find_need(p, p->dims[i].need));
        for (size_t j = 0; j < p->dims[i].n_supported_by; j++)
            ck_assert_ptr_nonnull(jm_profile_find_offer(p, p->dims[i].supported_by[j]));
    }

    ck_assert(jm_profile_has_support_need(p, "quiet_workspace"));
    ck_assert(!jm_profile_has_support_need(p, "quiet"));
    ck_assert(!jm_profile_has_support_need(p, NULL));
    ck_assert(jm_profile_has_offer(p, "supportive_coworkers"));
    ck_assert(!jm_profile_has_offer(p, "agency"));
    ck_assert(jm_profile_has_functional_dimension(p, "work_rate"));
    ck_assert(!jm_profile_has_functional_dimension(p, "juggling"));
    /* NULL means the built-in default */
    ck_assert(jm_profile_has_functional_dimension(NULL, "memory"));
    ck_assert(!jm_profile_has_offer(NULL, "nothing"));
}
END_TEST

START_TEST(hash_stable)
{
    jm_profile *a = NULL, *b = NULL;
    ck_assert_int_eq(jm_profile_default(&a), JM_OK);
    ck_assert_int_eq(jm_profile_default(&b), JM_OK);
    const char *h = jm_profile_hash(a);
    ck_assert_uint_eq(strlen(h), 7 + 64);
    ck_assert(strncmp(h, "sha256:", 7) == 0);
    for (const char *c = h + 7; *c; c++)
        ck_assert((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f'));
    ck_assert_str_eq(jm_profile_hash(a), jm_profile_hash(b));

    /* a separately made default has the same content, so the same hash */
    jm_profile *fresh = jm_profile_alloc_default();
    ck_assert_int_eq(jm_profile_finish(fresh), JM_OK);
    ck_assert_str_eq(jm_profile_hash(fresh), h);
    char saved[72];
    strcpy(saved, jm_profile_hash(fresh));
    ck_assert_int_eq(jm_profile_finish(fresh), JM_OK);
    ck_assert_str_eq(jm_profile_hash(fresh), saved);

    /* the hash is SHA-256 of the canonical JSON */
    char *json = NULL, hex[65];
    ck_assert_int_eq(jm_profile_to_json(fresh, &json), JM_OK);
    jm_sha256_hex(json, strlen(json), hex);
    ck_assert_str_eq(h + 7, hex);
    jm_free(json);

    /* any change changes it */
    fresh->weights[JM_FACTOR_COMMUTE] = 0.11;
    ck_assert_int_eq(jm_profile_finish(fresh), JM_OK);
    ck_assert_str_ne(jm_profile_hash(fresh), h);
    jm_profile_destroy(fresh);
    jm_profile_free(a);
    jm_profile_free(b);
}
END_TEST

START_TEST(hash_equal_content)
{
    const char *one = "{" HDR ", \"id\": \"agency-x\", \"weights\": {\"commute\": 0.15, \"hours\": 0.12}}";
    const char *two = "{\"weights\":{\"hours\":0.12,\"commute\":0.150}," HDR ",\"id\":\"agency-x\"}";
    const char *three = "{" HDR ", \"id\": \"agency-x\", \"weights\": {\"commute\": 0.16, \"hours\": 0.12}}";
    jm_profile *a = load_ok(one, NULL), *b = load_ok(two, NULL), *c = load_ok(three, NULL);
    ck_assert_str_eq(jm_profile_hash(a), jm_profile_hash(b));
    ck_assert_str_ne(jm_profile_hash(a), jm_profile_hash(c));
    ck_assert_str_ne(jm_profile_hash(a), jm_profile_hash(jm_profile_builtin()));
    jm_profile_free(a);
    jm_profile_free(b);
    jm_profile_free(c);
}
END_TEST

START_TEST(canonical_json)
{
    char *s = NULL;
    ck_assert_int_eq(jm_profile_to_json(jm_profile_builtin(), &s), JM_OK);
    ck_assert_ptr_nonnull(strstr(s, "{\"schema\":\"jobmatch/1\",\"type\":\"scoring_profile\","
                                    "\"id\":\"ips-default\",\"name\":\"IPS default\""));
    ck_assert_ptr_nonnull(strstr(s, "\"weights\":{\"job_type\":0.2,\"hours\":0.1,\"schedule\":0.08,"
                                    "\"commute\":0.1,\"environment\":0.08,\"interests\":0.05,"
                                    "\"work_values\":0.04,\"wage\":0.05,\"benefits\":0.05,"
                                    "\"skills\":0.12,\"functional\":0.06,\"support\":0.07,"
                                    "\"legal\":0,\"programme\":0}"));
    ck_assert_ptr_nonnull(strstr(s, "\"speed_kmh\":{\"walk\":4.5,\"wheelchair\":4,\"cycle\":14,"
                                    "\"public_transport\":18,\"car\":32,\"lift\":32}"));
    ck_assert_ptr_nonnull(strstr(s, "\"importance_weight\":{\"low\":1,\"medium\":2,\"high\":3,\"must\":3}"));
    ck_assert_ptr_nonnull(strstr(s, "\"programme_rules\":{\"competitive_only\":false,"
                                    "\"integrated_only\":false,\"min_wage\":null}"));
    ck_assert_ptr_nonnull(strstr(s, "{\"id\":\"mentor\",\"label\":\"Workplace mentor\",\"provider\":\"natural\"}"));
    ck_assert_ptr_nonnull(strstr(s, "{\"id\":\"travel_training\",\"label\":\"Travel training\",\"met_by\":[\"agency\"]}"));
    ck_assert_ptr_nonnull(strstr(s, "\"coach\":{\"hours_by_intensity\":{\"low\":1,\"medium\":2.5,\"high\":5},"
                                    "\"fading\":[{\"week\":1,\"share\":1},{\"week\":5,\"share\":0.6},"
                                    "{\"week\":9,\"share\":0.35},{\"week\":13,\"share\":0.2}]}}"));
    ck_assert_ptr_null(strstr(s, "\": ")); /* compact: no spaces between tokens */
    ck_assert_ptr_null(strstr(s, ", \""));
    jm_free(s);

    /* numbers: shortest text that reads back exactly */
    jm_buf b;
    jm_buf_init(&b);
    jm_profile_json_number(&b, 0.1);
    jm_buf_append(&b, " ");
    jm_profile_json_number(&b, 1.0 / 3.0);
    jm_buf_append(&b, " ");
    jm_profile_json_number(&b, -0.0);
    jm_buf_append(&b, " ");
    jm_profile_json_number(&b, 1e-7);
    jm_buf_append(&b, " ");
    jm_profile_json_number(&b, 100);
    jm_buf_append(&b, " ");
    jm_profile_json_number(&b, NAN);
    jm_buf_append(&b, " ");
    jm_profile_json_number(&b, 12.21);
    ck_assert_str_eq(b.data, "0.1 0.3333333333333333 0 1e-07 100 null 12.21");
    jm_buf_free(&b);
}
END_TEST

START_TEST(round_trip_default)
{
    char *s = NULL;
    const jm_profile *def = jm_profile_builtin();
    ck_assert_int_eq(jm_profile_to_json(def, &s), JM_OK);
    jm_diags *d = NULL;
    jm_diags_new(&d);
    jm_profile *p = load_ok(s, d);
    ck_assert_uint_eq(jm_diags_count(d), 0);
    ck_assert_str_eq(jm_profile_hash(p), jm_profile_hash(def));
    char *s2 = NULL;
    ck_assert_int_eq(jm_profile_to_json(p, &s2), JM_OK);
    ck_assert_str_eq(s, s2);
    jm_free(s);
    jm_free(s2);
    jm_profile_free(p);
    jm_diags_free(d);
}
END_TEST

START_TEST(round_trip_custom)
{
    const char *json =
        "{" HDR ", \"id\": \"custom-1\", \"description\": \"Line one\\nquote \\\" tab\\t \\u00e9\","
        "\"weights\": {\"commute\": 0.3, \"wage\": 0.123456789012345},"
        "\"thresholds\": {\"detour_factor\": 1.45, \"need_weight\": {\"high\": 4}},"
        "\"programme_rules\": {\"competitive_only\": true, \"min_wage\": 11.44},"
        "\"vocabulary\": {\"extend\": true, \"offers\": [{\"id\": \"quiet_room\"}],"
        "  \"support_needs\": [{\"id\": \"quiet_workspace\", \"met_by\": [\"quiet_room\"]}]},"
        "\"coach\": {\"fading\": [{\"week\": 1, \"share\": 1}, {\"week\": 4, \"share\": 0.5}]}}";
    jm_profile *p = load_ok(json, NULL);
    char *s = NULL;
    ck_assert_int_eq(jm_profile_to_json(p, &s), JM_OK);
    ck_assert_ptr_nonnull(strstr(s, "\"name\":null,\"description\":\"Line one\\nquote \\\" tab\\t \xc3\xa9\""));
    ck_assert_ptr_nonnull(strstr(s, "\"min_wage\":11.44"));
    ck_assert_ptr_nonnull(strstr(s, "\"wage\":0.123456789012345"));
    jm_profile *q = load_ok(s, NULL);
    ck_assert_str_eq(jm_profile_hash(p), jm_profile_hash(q));
    ck_assert_str_eq(jm_profile_id(q), "custom-1");
    ck_assert_ptr_null(q->name);
    TU_NEAR(q->th.need_weight[JM_INTENSITY_HIGH], 4);
    TU_NEAR(q->th.need_weight[JM_INTENSITY_MEDIUM], 2);
    ck_assert(q->competitive_only && !q->integrated_only);
    TU_NEAR(q->min_wage, 11.44);
    ck_assert_uint_eq(q->n_fading, 2);
    ck_assert_str_eq(jm_profile_find_offer(q, "quiet_room")->label, "quiet_room"); /* label = id */
    jm_free(s);
    jm_profile_free(p);
    jm_profile_free(q);
}
END_TEST

START_TEST(partial_keeps_defaults)
{
    jm_diags *d = NULL;
    jm_diags_new(&d);
    jm_profile *p = load_ok("{" HDR ", \"id\": \"p1\", \"name\": \"Partial\","
                            " \"weights\": {\"commute\": 0.2},"
                            " \"thresholds\": {\"speed_kmh\": {\"walk\": 3.5}},"
                            " \"coach\": {\"hours_by_intensity\": {\"high\": 8}}}", d);
    ck_assert_uint_eq(jm_diags_count(d), 0);
    ck_assert_str_eq(jm_profile_id(p), "p1");
    ck_assert_str_eq(p->name, "Partial");
    ck_assert_ptr_null(p->description); /* not inherited from the default */
    TU_NEAR(jm_profile_weight(p, JM_FACTOR_COMMUTE), 0.2);
    TU_NEAR(jm_profile_weight(p, JM_FACTOR_HOURS), 0.1);
    TU_NEAR(jm_profile_weight(p, JM_FACTOR_JOB_TYPE), 0.2);
    TU_NEAR(p->th.speed_kmh[JM_TRANSPORT_WALK], 3.5);
    TU_NEAR(p->th.speed_kmh[JM_TRANSPORT_CYCLE], 14);
    TU_NEAR(p->th.hours_falloff, 10);
    TU_NEAR(p->th.coach_hours[JM_INTENSITY_HIGH], 8);
    TU_NEAR(p->th.coach_hours[JM_INTENSITY_LOW], 1);
    ck_assert_uint_eq(p->n_needs, 20);
    ck_assert_uint_eq(p->n_fading, 4);
    jm_profile_free(p);

    /* the smallest profile: everything from the default but its id */
    p = load_ok("{" HDR ", \"id\": \"minimal\"}", NULL);
    for (int f = 0; f < JM_FACTOR_COUNT; f++)
        TU_NEAR(jm_profile_weight(p, f), jm_profile_weight(jm_profile_builtin(), f));
    ck_assert_str_ne(jm_profile_hash(p), jm_profile_hash(jm_profile_builtin())); /* other id */
    jm_profile_free(p);
    jm_diags_free(d);
}
END_TEST

START_TEST(vocabulary_extend_and_replace)
{
    jm_profile *p = load_ok(
        "{" HDR ", \"id\": \"ext\", \"vocabulary\": {\"extend\": true,"
        " \"offers\": [{\"id\": \"quiet_room\", \"label\": \"Quiet room\", \"provider\": \"employer\"},"
        "              {\"id\": \"peer_worker\", \"provider\": \"natural\"}],"
        " \"support_needs\": [{\"id\": \"quiet_workspace\", \"met_by\": [\"quiet_room\", \"equipment\"]},"
        "                     {\"id\": \"peer_support\", \"label\": \"Peer support\","
        "                      \"met_by\": [\"peer_worker\", \"agency\"]}],"
        " \"functional_dimensions\": [{\"id\": \"driving\", \"supported_by\": [],"
        "                              \"need\": \"help_with_travel\"}]}}", NULL);
    ck_assert_uint_eq(p->n_offers, 14);
    ck_assert_uint_eq(p->n_needs, 21);
    ck_assert_uint_eq(p->n_dims, 13);
    ck_assert_str_eq(p->offers[13].id, "peer_worker");
    ck_assert_int_eq(p->offers[13].provider, JM_PROVIDER_NATURAL);
    /* replaced in place: same position as in the default (8th) */
    ck_assert_str_eq(p->needs[7].id, "quiet_workspace");
    ck_assert_uint_eq(p->needs[7].n_met_by, 2);
    ck_assert_str_eq(p->needs[7].met_by[0], "quiet_room");
    ck_assert_str_eq(p->needs[7].label, "quiet_workspace");
    ck_assert_str_eq(p->needs[20].label, "Peer support");
    ck_assert_str_eq(p->dims[12].need, "help_with_travel");
    jm_profile_free(p);

    /* without extend, each given list replaces the default's */
    jm_diags *d = NULL;
    jm_diags_new(&d);
    p = load_ok(
        "{" HDR ", \"id\": \"small\", \"vocabulary\": {"
        " \"offers\": [{\"id\": \"mentor\", \"provider\": \"natural\"}],"
        " \"support_needs\": [{\"id\": \"mentoring\", \"met_by\": [\"mentor\", \"job_coach\"]},"
        "                     {\"id\": \"counselling\", \"met_by\": []}],"
        " \"functional_dimensions\": [{\"id\": \"orienting\", \"supported_by\": [\"mentor\"],"
        "                              \"need\": \"mentoring\"}]}}", d);
    ck_assert_uint_eq(p->n_offers, 1);
    ck_assert_uint_eq(p->n_needs, 2);
    ck_assert_uint_eq(p->n_dims, 1);
    ck_assert(!jm_profile_has_support_need(p, "quiet_workspace"));
    /* a need nothing can meet is allowed, with a warning */
    ck_assert_uint_eq(jm_diags_count_severity(d, JM_SEVERITY_WARNING), 1);
    ck_assert(tu_diags_has(d, "vocabulary.support_needs[1]", "nothing can meet support need 'counselling'"));
    jm_profile_free(p);
    jm_diags_free(d);
}
END_TEST

START_TEST(errors_weights)
{
    load_fails("{" HDR ", \"id\": \"x\", \"weights\": {\"hours\": -1}}", JM_EINVAL, "weights.hours",
               "expected a number from 0 to 1000, found -1");
    load_fails("{" HDR ", \"id\": \"x\", \"weights\": {\"hours\": \"high\"}}", JM_EINVAL,
               "weights.hours", "found a string");
    load_fails("{" HDR ", \"id\": \"x\", \"weights\": {\"job_type\": 0, \"hours\": 0, \"schedule\": 0,"
               " \"commute\": 0, \"environment\": 0, \"interests\": 0, \"work_values\": 0, \"wage\": 0,"
               " \"benefits\": 0, \"skills\": 0, \"functional\": 0, \"support\": 0}}",
               JM_EINVAL, "weights", "every weight is 0");
    load_fails("{" HDR ", \"id\": \"x\", \"weights\": {\"skils\": 0.2}}", JM_EINVAL, "weights.skils",
               "did you mean 'skills'");
    load_fails("{" HDR ", \"id\": \"x\", \"weights\": [0.2]}", JM_EINVAL, "weights",
               "expected an object, found an array");
    ck_assert_ptr_nonnull(strstr(jm_last_error(), "weights: expected an object"));
}
END_TEST

START_TEST(errors_thresholds)
{
    load_fails("{" HDR ", \"id\": \"x\", \"thresholds\": {\"speed_kmh\": {\"walk\": 0}}}", JM_EINVAL,
               "thresholds.speed_kmh.walk", "expected a number above 0 and up to 300, found 0");
    load_fails("{" HDR ", \"id\": \"x\", \"thresholds\": {\"speed_kmh\": {\"bus\": 20}}}", JM_EINVAL,
               "thresholds.speed_kmh.bus", "unknown field 'bus'");
    load_fails("{" HDR ", \"id\": \"x\", \"thresholds\": {\"hours_inside_min\": 1.2}}", JM_EINVAL,
               "thresholds.hours_inside_min", "from 0 to 1, found 1.2");
    load_fails("{" HDR ", \"id\": \"x\", \"thresholds\": {\"detour_factor\": 0.9}}", JM_EINVAL,
               "thresholds.detour_factor", "from 1 to 5");
    load_fails("{" HDR ", \"id\": \"x\", \"thresholds\": {\"wage_falloff\": 0}}", JM_EINVAL,
               "thresholds.wage_falloff", "above 0");
    load_fails("{" HDR ", \"id\": \"x\", \"thresholds\": {\"short2_supported\": 0.8}}", JM_EINVAL,
               "thresholds.short2_supported", "0.8 is more than short1_supported (0.75)");
    load_fails("{" HDR ", \"id\": \"x\", \"thresholds\": {\"short1_unsupported\": 0.9,"
               " \"short1_supported\": 0.8}}",
               JM_EINVAL, "thresholds.short1_unsupported", "a support in place must not lower");
    load_fails("{" HDR ", \"id\": \"x\", \"thresholds\": {\"importance_weight\": {\"must\": -1}}}",
               JM_EINVAL, "thresholds.importance_weight.must", "found -1");
    load_fails("{" HDR ", \"id\": \"x\", \"programme_rules\": {\"competitive_only\": 1}}", JM_EINVAL,
               "programme_rules.competitive_only", "expected true or false");
    load_fails("{" HDR ", \"id\": \"x\", \"programme_rules\": {\"min_wage\": -3}}", JM_EINVAL,
               "programme_rules.min_wage", "found -3");
}
END_TEST

START_TEST(errors_vocabulary)
{
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"extend\": true, \"support_needs\": ["
               "{\"id\": \"a\", \"met_by\": [\"mentor\"]}, {\"id\": \"b\", \"met_by\": [\"buddy\"]},"
               "{\"id\": \"c\", \"met_by\": [\"coach\", \"mentor\"]}]}}",
               JM_EINVAL, "vocabulary.support_needs[2].met_by[0]",
               "unknown offer 'coach': expected an offer of vocabulary.offers, 'job_coach' or 'agency'");
    ck_assert_ptr_nonnull(strstr(jm_last_error(), "vocabulary.support_needs[2].met_by[0]: unknown offer"));
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"extend\": true, \"support_needs\": ["
               "{\"id\": \"a\", \"met_by\": [\"mentor\", \"mentor\"]}]}}",
               JM_EINVAL, "vocabulary.support_needs[0].met_by[1]", "'mentor' is listed twice");
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"extend\": true, \"offers\": ["
               "{\"id\": \"desk\"}, {\"id\": \"desk\"}]}}",
               JM_EINVAL, "vocabulary.offers[1].id", "duplicate id 'desk' (also vocabulary.offers[0])");
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"offers\": [{\"id\": \"job_coach\"}]}}",
               JM_EINVAL, "vocabulary.offers[0].id", "'job_coach' is reserved");
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"extend\": true, \"offers\": ["
               "{\"id\": \"Quiet Room\"}]}}",
               JM_EINVAL, "vocabulary.offers[0].id", "expected a term of 1 to 64 lowercase letters");
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"extend\": true, \"offers\": ["
               "{\"label\": \"no id\"}]}}",
               JM_EINVAL, "vocabulary.offers[0].id", "missing: every offer needs an id");
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"extend\": true, \"offers\": ["
               "{\"id\": \"desk\", \"provider\": \"state\"}]}}",
               JM_EINVAL, "vocabulary.offers[0].provider", "expected one of employer, natural, funded");
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"extend\": true, \"functional_dimensions\": ["
               "{\"id\": \"driving\", \"supported_by\": [\"agency\"], \"need\": \"help_with_travel\"}]}}",
               JM_EINVAL, "vocabulary.functional_dimensions[0].supported_by[0]",
               "unknown offer 'agency': expected an offer of vocabulary.offers");
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"extend\": true, \"functional_dimensions\": ["
               "{\"id\": \"driving\", \"need\": \"lifts\"}]}}",
               JM_EINVAL, "vocabulary.functional_dimensions[0].need", "unknown support-need type 'lifts'");
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"extend\": true, \"functional_dimensions\": ["
               "{\"id\": \"driving\"}]}}",
               JM_EINVAL, "vocabulary.functional_dimensions[0].need", "missing");
    /* a replaced offer list leaves the default needs pointing nowhere */
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"offers\": [{\"id\": \"mentor\"}]}}",
               JM_EINVAL, "vocabulary.support_needs",
               "17 default support needs ('structured_task_instruction', 'written_visual_instructions', "
               "'extra_training_time', 'mentor_or_buddy', 'supervisor_checkins', 'flexible_schedule', "
               "...) refer to offers this profile does not have: give support_needs too, or "
               "use \"extend\": true");
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"support_needs\": [{\"id\": \"a\"}]}}",
               JM_EINVAL, "vocabulary.functional_dimensions",
               "12 default functional dimensions ('lifting', 'standing', 'walking', 'endurance', "
               "'dexterity', 'orienting', ...) refer to offers or support needs");
    load_fails("{" HDR ", \"id\": \"x\", \"vocabulary\": {\"support_needs\": [1]}}", JM_EINVAL,
               "vocabulary.support_needs[0]", "expected an object, found a number");
}
END_TEST

START_TEST(errors_coach)
{
    load_fails("{" HDR ", \"id\": \"x\", \"coach\": {\"fading\": [{\"week\": 1, \"share\": 1},"
               " {\"week\": 6, \"share\": 0.5}, {\"week\": 4, \"share\": 0.3}]}}",
               JM_EINVAL, "coach.fading[2].week", "weeks must increase: week 4 follows week 6");
    load_fails("{" HDR ", \"id\": \"x\", \"coach\": {\"fading\": [{\"week\": 2, \"share\": 1}]}}",
               JM_EINVAL, "coach.fading[0].week", "the first step must start at week 1, found week 2");
    load_fails("{" HDR ", \"id\": \"x\", \"coach\": {\"fading\": [{\"week\": 1, \"share\": 1},"
               " {\"week\": 3, \"share\": 1.5}]}}",
               JM_EINVAL, "coach.fading[1].share", "from 0 to 1, found 1.5");
    load_fails("{" HDR ", \"id\": \"x\", \"coach\": {\"fading\": [{\"week\": 1.5, \"share\": 1}]}}",
               JM_EINVAL, "coach.fading[0].week", "expected an integer");
    load_fails("{" HDR ", \"id\": \"x\", \"coach\": {\"fading\": [{\"week\": 1}]}}", JM_EINVAL,
               "coach.fading[0].share", "missing");
    load_fails("{" HDR ", \"id\": \"x\", \"coach\": {\"fading\": []}}", JM_EINVAL, "coach.fading",
               "at least one step");
    load_fails("{" HDR ", \"id\": \"x\", \"coach\": {\"hours_by_intensity\": {\"high\": 50}}}",
               JM_EINVAL, "coach.hours_by_intensity.high", "from 0 to 40, found 50");

    /* a rising share is allowed, with a warning */
    jm_diags *d = NULL;
    jm_diags_new(&d);
    jm_profile *p = load_ok("{" HDR ", \"id\": \"x\", \"coach\": {\"fading\": [{\"week\": 1, \"share\": 0.5},"
                            " {\"week\": 8, \"share\": 0.8}]}}", d);
    ck_assert(tu_diags_has(d, "coach.fading[1].share", "the share rises from 0.5 to 0.8"));
    jm_profile_free(p);
    jm_diags_free(d);
}
END_TEST

START_TEST(errors_record)
{
    load_fails("{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"c1\"}", JM_ETYPE, "type",
               "expected a 'scoring_profile' record, found a 'candidate'");
    load_fails("{\"schema\": \"jobmatch/1\", \"id\": \"c1\"}", JM_ETYPE, "type", "missing");
    load_fails("[{" HDR ", \"id\": \"x\"}]", JM_ETYPE, "", "found an array");
    load_fails("{\"type\": \"scoring_profile\", \"id\": \"x\"}", JM_EINVAL, "schema", "missing");
    load_fails("{\"schema\": \"jobmatch/2\", \"type\": \"scoring_profile\", \"id\": \"x\"}", JM_EINVAL,
               "schema", "expected \"jobmatch/1\"");
    load_fails("{" HDR "}", JM_EINVAL, "id", "missing: a scoring profile needs an id");
    load_fails("{" HDR ", \"id\": \"\"}", JM_EINVAL, "id", "expected an id of 1 to 256 bytes");
    load_fails("{" HDR ", \"id\": \"x\", \"wieghts\": {}}", JM_EINVAL, "wieghts",
               "unknown field 'wieghts' (did you mean 'weights'?)");
    load_fails("{" HDR ", \"id\": \"x\",", JM_EPARSE, NULL, NULL);

    /* unknown fields as warnings when the caller asks */
    jm_load_options o;
    jm_load_options_init(&o);
    o.unknown_fields = JM_POLICY_WARN;
    jm_diags *d = NULL;
    jm_diags_new(&d);
    jm_profile *p = NULL;
    const char *j = "{" HDR ", \"id\": \"x\", \"colour\": \"blue\", \"thresholds\": {\"speed\": 3}}";
    ck_assert_int_eq(jm_profile_from_json(j, strlen(j), &o, d, &p), JM_OK);
    ck_assert_uint_eq(jm_diags_count_severity(d, JM_SEVERITY_WARNING), 2);
    ck_assert(tu_diags_has(d, "thresholds.speed", "unknown field"));
    jm_profile_free(p);
    jm_diags_free(d);

    /* NULL diags is allowed; the error is still the last error */
    p = NULL;
    j = "{" HDR ", \"id\": \"x\", \"weights\": {\"wage\": 2000}}";
    ck_assert_int_eq(jm_profile_from_json(j, strlen(j), NULL, NULL, &p), JM_EINVAL);
    ck_assert_ptr_null(p);
    ck_assert_ptr_nonnull(strstr(jm_last_error(), "weights.wage: expected a number from 0 to 1000"));
    ck_assert_int_eq(jm_profile_from_json(NULL, 0, NULL, NULL, &p), JM_EINVAL);
}
END_TEST

START_TEST(preference_warning)
{
    jm_diags *d = NULL;
    jm_diags_new(&d);
    /* skills 1: total 1.88, preferences 0.70 -> 37.23% */
    jm_profile *p = load_ok("{" HDR ", \"id\": \"skills-heavy\", \"weights\": {\"skills\": 1}}", d);
    ck_assert_uint_eq(jm_diags_count_severity(d, JM_SEVERITY_ERROR), 0);
    ck_assert_uint_eq(jm_diags_count_severity(d, JM_SEVERITY_WARNING), 1);
    ck_assert(tu_diags_has(d, "weights", "carry 37.23% of the total weight; IPS practice gives them at least 60%"));
    jm_profile_free(p);

    jm_diags_clear(d);
    p = load_ok("{" HDR ", \"id\": \"sixty\", \"weights\": {\"job_type\": 0.14, \"skills\": 0.2}}", d);
    /* preferences 0.64, total 1.02: 62.75%, no warning */
    ck_assert_uint_eq(jm_diags_count(d), 0);
    jm_profile_free(p);
    jm_diags_clear(d);
    p = load_ok("{" HDR ", \"id\": \"sixty\", \"weights\": {\"job_type\": 0.1, \"skills\": 0.12,"
                " \"benefits\": 0.05, \"functional\": 0.06, \"support\": 0.07}}", d);
    /* preferences 0.60, total 0.90: 66.67% */
    ck_assert_uint_eq(jm_diags_count(d), 0);
    jm_profile_free(p);
    jm_diags_clear(d);
    p = load_ok("{" HDR ", \"id\": \"edge\", \"weights\": {\"job_type\": 0.1, \"skills\": 0.18,"
                " \"benefits\": 0.1, \"functional\": 0.06, \"support\": 0.06}}", d);
    /* preferences 0.60, total 1.00: exactly 60% */
    ck_assert_uint_eq(jm_diags_count(d), 0);
    jm_profile_free(p);
    jm_diags_clear(d);
    p = load_ok("{" HDR ", \"id\": \"under\", \"weights\": {\"job_type\": 0.1, \"skills\": 0.19,"
                " \"benefits\": 0.1, \"functional\": 0.06, \"support\": 0.06}}", d);
    ck_assert(tu_diags_has(d, "weights", "carry 59.41% of the total weight"));
    jm_profile_free(p);
    jm_diags_free(d);
}
END_TEST

START_TEST(refcounting)
{
    jm_profile *p = load_ok("{" HDR ", \"id\": \"rc\"}", NULL);
    ck_assert_int_eq(atomic_load(&p->refs), 1);
    jm_profile *q = jm_profile_ref(p);
    ck_assert_ptr_eq(p, q);
    ck_assert_int_eq(atomic_load(&p->refs), 2);
    jm_profile_free(p);
    ck_assert_int_eq(atomic_load(&q->refs), 1);
    ck_assert_str_eq(jm_profile_id(q), "rc"); /* still alive */
    jm_profile_free(q);                       /* freed: valgrind/ASan would catch a leak */
    jm_profile_free(NULL);
    ck_assert_ptr_null(jm_profile_ref(NULL));

    /* the default is shared: freeing every caller's reference keeps it */
    const jm_profile *b = jm_profile_builtin();
    int before = atomic_load(&((jm_profile *)b)->refs);
    jm_profile *d1 = NULL, *d2 = NULL;
    ck_assert_int_eq(jm_profile_default(&d1), JM_OK);
    ck_assert_int_eq(jm_profile_default(&d2), JM_OK);
    ck_assert_ptr_eq(d1, b);
    ck_assert_ptr_eq(d2, b);
    ck_assert_int_eq(atomic_load(&d1->refs), before + 2);
    jm_profile_free(d1);
    jm_profile_free(d2);
    ck_assert_int_eq(atomic_load(&((jm_profile *)b)->refs), before);
    ck_assert_str_eq(jm_profile_id(b), "ips-default");
    ck_assert_int_eq(jm_profile_default(NULL), JM_EINVAL);
    ck_assert_str_eq(jm_profile_id(NULL), "");
    ck_assert_str_eq(jm_profile_hash(NULL), "");
}
END_TEST

static void *builtin_thread(void *arg)
{
    (void)arg;
    const jm_profile *p = jm_profile_builtin();
    for (int i = 0; i < 1000; i++) {
        jm_profile *r = jm_profile_ref((jm_profile *)p);
        jm_profile_free(r);
    }
    return (void *)p;
}

START_TEST(builtin_threads)
{
    pthread_t t[8];
    for (int i = 0; i < 8; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, builtin_thread, NULL), 0);
    for (int i = 0; i < 8; i++) {
        void *res = NULL;
        pthread_join(t[i], &res);
        ck_assert_ptr_eq(res, jm_profile_builtin());
    }
    ck_assert_int_eq(atomic_load(&((jm_profile *)jm_profile_builtin())->refs), 1);
}
END_TEST

START_TEST(load_file)
{
    char path[] = "/tmp/jm_profile_test_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *j = "{" HDR ", \"id\": \"from-file\", \"weights\": {\"hours\": -2}}";
    ck_assert_int_eq(write(fd, j, strlen(j)), (ssize_t)strlen(j));
    close(fd);
    jm_diags *d = NULL;
    jm_diags_new(&d);
    jm_profile *p = NULL;
    ck_assert_int_eq(jm_profile_load_file(path, NULL, d, &p), JM_EINVAL);
    jm_diag g;
    ck_assert_int_eq(jm_diags_get(d, 0, &g), JM_OK);
    ck_assert_str_eq(g.source, path); /* the file name is the source */
    ck_assert_str_eq(g.path, "weights.hours");
    unlink(path);
    ck_assert_int_eq(jm_profile_load_file("/nonexistent/profile.json", NULL, d, &p), JM_EIO);
    ck_assert_ptr_null(p);

    /* the example agency profile loads cleanly */
    const char *root = getenv("JM_SOURCE_ROOT");
    char ex[1024];
    snprintf(ex, sizeof ex, "%s/examples/data/profile-competitive.json", root ? root : ".");
    jm_diags_clear(d);
    int rc = jm_profile_load_file(ex, NULL, d, &p);
    if (rc != JM_OK)
        tu_diags_print(d);
    ck_assert_int_eq(rc, JM_OK);
    ck_assert_uint_eq(jm_diags_count(d), 0);
    ck_assert_str_eq(jm_profile_id(p), "riverside-competitive-2025");
    ck_assert(p->competitive_only && p->integrated_only);
    TU_NEAR(p->min_wage, 12.21);
    TU_NEAR(jm_profile_weight(p, JM_FACTOR_COMMUTE), 0.14);
    ck_assert(jm_profile_has_offer(p, "quiet_room"));
    ck_assert(jm_profile_has_offer(p, "equipment"));
    ck_assert(jm_profile_has_support_need(p, "peer_support"));
    ck_assert_uint_eq(p->n_fading, 5);
    jm_profile_free(p);
    jm_diags_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("profile");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, sha256_vectors);
    tcase_add_test(tc, default_weights);
    tcase_add_test(tc, default_vocabulary);
    tcase_add_test(tc, hash_stable);
    tcase_add_test(tc, hash_equal_content);
    tcase_add_test(tc, canonical_json);
    tcase_add_test(tc, round_trip_default);
    tcase_add_test(tc, round_trip_custom);
    tcase_add_test(tc, partial_keeps_defaults);
    tcase_add_test(tc, vocabulary_extend_and_replace);
    tcase_add_test(tc, errors_weights);
    tcase_add_test(tc, errors_thresholds);
    tcase_add_test(tc, errors_vocabulary);
    tcase_add_test(tc, errors_coach);
    tcase_add_test(tc, errors_record);
    tcase_add_test(tc, preference_warning);
    tcase_add_test(tc, refcounting);
    tcase_add_test(tc, builtin_threads);
    tcase_add_test(tc, load_file);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
