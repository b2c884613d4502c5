/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-text.h"

/* "Rạch Giá" typed with combining marks, as some keyboards and files deliver it. */
#define RACH_GIA_NFD "Ra\xcc\xa3" "ch Gia\xcc\x81"

static void
test_normalize (void)
{
  g_autofree char *composed = llw_text_normalize ("  Rạch Giá \n");
  g_autofree char *decomposed = llw_text_normalize (RACH_GIA_NFD);
  g_autofree char *invalid = llw_text_normalize ("\xff\xfe");

  g_assert_cmpstr (composed, ==, "Rạch Giá");
  g_assert_cmpstr (decomposed, ==, "Rạch Giá");
  g_assert_cmpstr (invalid, ==, "");
}

/* Whatever the text, the same as GLib's NFC of the whole, however it is taken apart or
 * passed through as it is: composed Vietnamese, combining marks after a composed letter,
 * letters that NFC replaces (the ångström and kelvin signs), Hangul jamo that compose. */
static void
test_normalize_as_glib (void)
{
  const char *texts[] = {
    "UBND xã Thử nghiệm 4999", "Ủy ban Mặt trận Tổ quốc Việt Nam", RACH_GIA_NFD,
    "Ra\xcc\xa3\xcc\x82" "ch", "a\xe1\xba\xa1\xcc\x81", "\xe2\x84\xab 10 \xe2\x84\xaa",
    "\xe1\x84\x80\xe1\x85\xa1", "Sở Y tế\xcc\x80", "ASCII only", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *ours = llw_text_normalize (texts[i]);
      g_autofree char *glib = g_utf8_normalize (texts[i], -1, G_NORMALIZE_NFC);

      g_assert_cmpstr (ours, ==, g_strstrip (glib));
    }
}

static void
test_name_key (void)
{
  g_autofree char *a = llw_text_name_key ("UBND  huyện Hòn Đất");
  g_autofree char *b = llw_text_name_key ("ubnd huyện hòn đất ");
  g_autofree char *c = llw_text_name_key ("UBND huyện Hồn Đất");
  g_autofree char *d = llw_text_name_key ("UBND thành phố " RACH_GIA_NFD);
  g_autofree char *e = llw_text_name_key ("UBND THÀNH PHỐ RẠCH GIÁ");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (d, ==, e);
}

static void
test_search_key (void)
{
  g_autofree char *unit = llw_text_search_key ("UBND thành phố Rạch Giá");
  g_autofree char *typed = llw_text_search_key ("rach gia");
  g_autofree char *typed_nfd = llw_text_search_key (RACH_GIA_NFD);
  g_autofree char *dat = llw_text_search_key ("Hòn Đất");

  g_assert_nonnull (strstr (unit, typed));
  g_assert_nonnull (strstr (unit, typed_nfd));
  g_assert_cmpstr (dat, ==, "hon dat");
}

/* Vietnamese text takes a short way to its key, anything else the long one: the same keys,
 * at the borders between the two. */
static void
test_search_key_ways (void)
{
  static const struct
  {
    const char *text;
    const char *key;
  } cases[] = {
    { "  Đắk   LẮK\t", "dak lak" },                        /* spaces, capitals, đ */
    { "Ủy ban nhân dân xã Ea H'Leo", "uy ban nhan dan xa ea h'leo" },
    { "a\xc2\xa0" "b", "a b" },                              /* a no-break space: long way */
    { "Nguye\xcc\x82\xcc\x83n", "nguyen" },                 /* decomposed: long way */
    { "Tổ \xce\xb1 Đội", "to \xce\xb1 doi" },                /* another script: long way */
    { "Stra\xc3\x9f" "e", "strasse" },                          /* ß folds to two letters */
    { "H\xc3\xa0 \xff", "" },                               /* invalid text: no key */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = llw_text_search_key (cases[i].text);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

/* The same for sort keys: Vietnamese text, however it is spaced or composed, sorts as the
 * same text composed and single-spaced; a text the short way cannot take sorts as before. */
static void
test_sort_key_ways (void)
{
  static const char *const alike[][2] = {
    { "  Đắk   LẮK\t", "đắk lắk" },
    { "Nguye\xcc\x82\xcc\x83n Văn An", "Nguyễn Văn An" },   /* decomposed: long way */
    { "Hòn\xc2\xa0" "Đất", "Hòn Đất" },                      /* a no-break space: long way */
  };
  g_autofree char *invalid = llw_text_sort_key ("H\xc3\xa0 \xff");

  for (guint i = 0; i < G_N_ELEMENTS (alike); i++)
    {
      g_autofree char *a = llw_text_sort_key (alike[i][0]);
      g_autofree char *b = llw_text_sort_key (alike[i][1]);

      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpstr (invalid, ==, "\x01");
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  g_autofree char *ka = llw_text_sort_key (*(const char **) a);
  g_autofree char *kb = llw_text_sort_key (*(const char **) b);

  return strcmp (ka, kb);
}

/* Vietnamese dictionary order: "Đ" after "D", "Ă"/"Â" after "A", "Ư" after "U", tones as
 * a secondary difference; a byte or code-point sort gets every one of these wrong. */
static void
test_sort_key (void)
{
  const char *expected[] = {
    "An Biên", "An Minh", "Ăn", "Âu", "Ba", "Châu Thành", "Dương", "Đống Đa", "Gò Quao",
    "Hà Tiên", "Hòn Đất", "Hội", "Hợp", "Kiên Hải", "Kiên Lương", "Ma", "Mà", "Mả", "Mã",
    "Má", "Mạ", "Phú Quốc", "U Minh Thượng", "Ưu", "Vĩnh Thuận", "Zalo",
  };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = G_N_ELEMENTS (expected); i > 0; i--)
    g_ptr_array_add (names, (gpointer) expected[(i * 7) % G_N_ELEMENTS (expected)]);
  g_ptr_array_sort (names, compare_keys);

  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, expected[i]);
}

static void
test_sort_key_forms_alike (void)
{
  g_autofree char *composed = llw_text_sort_key ("Rạch Giá");
  g_autofree char *decomposed = llw_text_sort_key (RACH_GIA_NFD);
  /* "ê" then a combining dot below: its marks are reordered, across the two characters. */
  g_autofree char *viet = llw_text_sort_key ("Việt Nam");
  g_autofree char *viet_mixed = llw_text_sort_key ("VI\xc3\x8a\xcc\xa3T NAM");
  g_autofree char *search = llw_text_search_key ("VI\xc3\x8a\xcc\xa3T NAM");

  g_assert_cmpstr (composed, ==, decomposed);
  g_assert_cmpstr (viet, ==, viet_mixed);
  g_assert_cmpstr (search, ==, "viet nam");
}

/* Only the fields that hold something are joined, wherever the missing ones stand. */
static void
test_join_present (void)
{
  const char *fields[] = { "Sở Y tế", NULL, "SYT", "", "Lê Thị Bình" };
  g_autofree char *joined = llw_text_join_present (" ", fields, G_N_ELEMENTS (fields));
  g_autofree char *none = llw_text_join_present (" ", fields + 1, 1);

  g_assert_cmpstr (joined, ==, "Sở Y tế SYT Lê Thị Bình");
  g_assert_cmpstr (none, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/normalize-as-glib", test_normalize_as_glib);
  g_test_add_func ("/text/name-key", test_name_key);
  g_test_add_func ("/text/search-key", test_search_key);
  g_test_add_func ("/text/search-key-ways", test_search_key_ways);
  g_test_add_func ("/text/sort-key-ways", test_sort_key_ways);
  g_test_add_func ("/text/join-present", test_join_present);
  g_test_add_func ("/text/sort-key", test_sort_key);
  g_test_add_func ("/text/sort-key-forms-alike", test_sort_key_forms_alike);

  return g_test_run ();
}
