from store.lexicon import GENDER_MIN_ARTICLES, GENDER_SHARE, _given_genders, given_name_gender


def test_a_given_name_is_a_mans_or_a_womans_only_where_news_uses_it_so_almost_always():
    assert given_name_gender("John") == "M"
    assert given_name_gender("Susan") == "F"
    assert given_name_gender("Hillary") == "F"
    # news writes of a Pat as a man 24 times in 29, and of a Leslie as often either way: neither is told
    assert given_name_gender("Pat") is None
    assert given_name_gender("Leslie") is None
    assert given_name_gender("Kursk") is None


def test_the_genders_file_holds_counts_the_thresholds_read():
    genders = _given_genders()
    assert 300 < len(genders) < 2000
    assert GENDER_SHARE >= 0.8 and GENDER_MIN_ARTICLES >= 3
