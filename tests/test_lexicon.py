from store.lexicon import _given_genders, gender_of_counts, given_name_gender


def test_a_given_name_is_a_mans_or_a_womans_only_where_news_uses_it_so_almost_always():
    assert given_name_gender("John") == "M"
    assert given_name_gender("Susan") == "F"
    assert given_name_gender("Hillary") == "F"
    # news writes of a Pat as a man 24 times in 29, and of a Leslie as often either way: neither is told
    assert given_name_gender("Pat") is None
    assert given_name_gender("Leslie") is None
    assert given_name_gender("Kursk") is None


def test_a_name_is_told_where_nine_in_ten_of_at_least_three_articles_agree():
    assert gender_of_counts(10, 465) == "F"
    assert gender_of_counts(3, 0) == "M"
    assert gender_of_counts(24, 4) is None       # 86 %
    assert gender_of_counts(2, 0) is None        # too few
    assert gender_of_counts(0, 0) is None
    # the file holds counts for hundreds of names
    assert 300 < len(_given_genders()) < 2000
