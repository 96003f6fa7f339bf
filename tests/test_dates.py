from dossier.dates import Date, check_value


def test_precision_follows_the_value():
    assert Date("2024", "inferred", "n").precision == "year"
    assert Date("2024-03", "inferred", "n").precision == "month"
    assert Date("2024-03-18", "stated", "n").precision == "day"


def test_display_never_adds_precision():
    assert Date("2024", "inferred", "n").display() == "2024"
    assert Date("2023-09", "inferred", "n").display() == "September 2023"
    assert Date("2024-06-19", "external", "n").display() == "19 June 2024"


def test_less_precise_dates_sort_first_within_their_period():
    dates = [Date(v, "stated", "n") for v in ("2024-03-18", "2024-03", "2024", "2023-12-30")]
    ordered = [d.value for d in sorted(dates, key=Date.sort_key)]
    assert ordered == ["2023-12-30", "2024", "2024-03", "2024-03-18"]


def test_check_value_rejects_malformed_and_impossible_dates():
    assert check_value("2024-03-18") is None
    assert check_value("2024") is None
    assert "YYYY" in check_value("18 March 2024")
    assert "YYYY" in check_value("2024-3")
    assert "calendar" in check_value("2023-02-29")
    assert "calendar" in check_value("2024-13")


def test_yaml_dates_and_years_are_accepted():
    import datetime

    assert check_value(datetime.date(2024, 3, 18)) is None
    assert check_value(2024) is None
