"""Date vectors: installment_due_dates, next_charge_date, subscription_schedule
(docs/rules.md; tests/vectors/README.md "Dates").

Computed with `datetime` and `calendar.monthrange` only. Month arithmetic is always counted from the
original date and clamped to the target month's last day.
"""

from __future__ import annotations

import calendar
import datetime
import re

from common import Cases, VectorError

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)

CYCLES = {  # cycle -> ("days", n) or ("months", n)
    "weekly": ("days", 7),
    "biweekly": ("days", 14),
    "monthly": ("months", 1),
    "quarterly": ("months", 3),
    "semiannually": ("months", 6),
    "yearly": ("months", 12),
}


def parse_date(text) -> datetime.date:
    if not isinstance(text, str) or not _DATE_RE.fullmatch(text):
        raise VectorError("INVALID_DATE")
    try:
        return datetime.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        raise VectorError("INVALID_DATE") from None


def add_months(d: datetime.date, months: int) -> datetime.date:
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return datetime.date(year, month0 + 1, min(d.day, last))


def add_cycles(d: datetime.date, cycle: str, k: int) -> datetime.date:
    unit, n = CYCLES[cycle]
    if unit == "days":
        return d + datetime.timedelta(days=n * k)
    return add_months(d, n * k)


def _cycle(cycle):
    if not isinstance(cycle, str) or cycle not in CYCLES:
        raise VectorError("INVALID_SUBSCRIPTION_CYCLE")
    return cycle


def installment_due_dates(first_due_date, count):
    first = parse_date(first_due_date)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 12:
        raise VectorError("INVALID_INSTALLMENT_COUNT")
    return [add_months(first, k).isoformat() for k in range(count)]


def next_charge_date(due_date, cycle, end_date=None):
    due = parse_date(due_date)
    cyc = _cycle(cycle)
    end = None
    if end_date is not None:
        end = parse_date(end_date)
        if end < due:
            raise VectorError("INVALID_SUBSCRIPTION")
    nxt = add_cycles(due, cyc, 1)
    if end is not None and nxt > end:
        return None
    return nxt.isoformat()


def subscription_schedule(due_date, cycle, count, end_date=None):
    due = parse_date(due_date)
    cyc = _cycle(cycle)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 1000:
        raise VectorError("INVALID_SUBSCRIPTION")
    end = None
    if end_date is not None:
        end = parse_date(end_date)
        if end < due:
            raise VectorError("INVALID_SUBSCRIPTION")
    out = []
    for k in range(1, count + 1):
        d = add_cycles(due, cyc, k)
        if end is not None and d > end:
            break
        out.append(d.isoformat())
    return out


BAD_DATES = [
    ("February 30th", "2026-02-30"),
    ("month 13", "2026-13-01"),
    ("month 00", "2026-00-10"),
    ("day 00", "2026-05-00"),
    ("April 31st", "2026-04-31"),
    ("February 29th in a common year", "2027-02-29"),
    ("February 29th in 2100 (not a leap year)", "2100-02-29"),
    ("single-digit month and day", "2026-1-5"),
    ("no separators", "20261231"),
    ("a timestamp", "2026-12-31T00:00:00Z"),
    ("empty text", ""),
    ("slashes", "2026/12/31"),
    ("day first", "31-12-2026"),
    ("two-digit year", "26-12-31"),
    ("trailing space", "2026-12-31 "),
    ("letters", "yyyy-mm-dd"),
]


def gen_installment_due_dates() -> Cases:
    c = Cases("installment_due_dates", "installment_due_dates(first_due_date, count): date k = first + k months "
              "(k = 0..count-1), counted from the original day and clamped to the month's end")
    f = installment_due_dates
    A = lambda d, n: {"first_due_date": d, "count": n}  # noqa: E731
    c.run("2026-12-31 in 4 clamps and recovers (contract example)", A("2026-12-31", 4), f, "2026-12-31", 4,
          expect=["2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31"])
    c.run("2026-12-31 in 12", A("2026-12-31", 12), f, "2026-12-31", 12)
    c.run("count 1 is the first date only", A("2026-11-21", 1), f, "2026-11-21", 1, expect=["2026-11-21"])
    c.run("mid-month date in 3", A("2026-11-21", 3), f, "2026-11-21", 3, expect=["2026-11-21", "2026-12-21", "2027-01-21"])
    c.run("2028-01-31 in a leap year reaches February 29th", A("2028-01-31", 3), f, "2028-01-31", 3,
          expect=["2028-01-31", "2028-02-29", "2028-03-31"])
    c.run("2027-01-31 in a common year reaches February 28th", A("2027-01-31", 3), f, "2027-01-31", 3)
    c.run("30th clamps in February only", A("2026-01-30", 4), f, "2026-01-30", 4)
    c.run("29th in a common year", A("2027-01-29", 3), f, "2027-01-29", 3)
    c.run("31st across 12 months", A("2026-01-31", 12), f, "2026-01-31", 12)
    c.run("31st of August reaches September 30th", A("2026-08-31", 5), f, "2026-08-31", 5)
    c.run("February 29th start keeps the 29th", A("2028-02-29", 12), f, "2028-02-29", 12)
    c.run("February 28th start keeps the 28th", A("2026-02-28", 3), f, "2026-02-28", 3)
    c.run("first of the month", A("2026-03-01", 6), f, "2026-03-01", 6)
    c.run("crosses into 2100 (not a leap year)", A("2099-12-31", 3), f, "2099-12-31", 3)
    c.run("crosses into 2000-style leap year 2400", A("2399-12-31", 3), f, "2399-12-31", 3)
    c.run("count 0 is invalid", A("2026-12-31", 0), f, "2026-12-31", 0, expect="INVALID_INSTALLMENT_COUNT")
    c.run("count 13 is invalid", A("2026-12-31", 13), f, "2026-12-31", 13, expect="INVALID_INSTALLMENT_COUNT")
    c.run("negative count is invalid", A("2026-12-31", -2), f, "2026-12-31", -2, expect="INVALID_INSTALLMENT_COUNT")
    for label, text in BAD_DATES:
        c.run(f"invalid date: {label}", A(text, 3), f, text, 3, expect="INVALID_DATE")
    return c


def gen_next_charge_date() -> Cases:
    c = Cases("next_charge_date", "next_charge_date(due_date, cycle, end_date?): due_date + one cycle, or null when "
              "that falls after end_date (equal is kept)")
    f = next_charge_date

    def A(d, cyc, end=None):
        args = {"due_date": d, "cycle": cyc}
        if end is not None:
            args["end_date"] = end
        return args

    hand = {"weekly": "2027-01-07", "biweekly": "2027-01-14", "monthly": "2027-01-31",
            "quarterly": "2027-03-31", "semiannually": "2027-06-30", "yearly": "2027-12-31"}
    for cyc in CYCLES:
        c.run(f"{cyc} from 2026-12-31", A("2026-12-31", cyc), f, "2026-12-31", cyc, expect=hand[cyc])
    for cyc in CYCLES:
        c.run(f"{cyc} from 2026-11-21", A("2026-11-21", cyc), f, "2026-11-21", cyc)
    c.run("monthly from 2027-01-31 clamps to February 28th", A("2027-01-31", "monthly"), f, "2027-01-31", "monthly", expect="2027-02-28")
    c.run("monthly from 2028-01-31 clamps to February 29th (leap year)", A("2028-01-31", "monthly"), f, "2028-01-31", "monthly", expect="2028-02-29")
    c.run("monthly from 2026-03-31 clamps to April 30th", A("2026-03-31", "monthly"), f, "2026-03-31", "monthly", expect="2026-04-30")
    c.run("quarterly from 2026-11-30 clamps to February 28th", A("2026-11-30", "quarterly"), f, "2026-11-30", "quarterly", expect="2027-02-28")
    c.run("semiannually from 2026-08-31 clamps to February 28th", A("2026-08-31", "semiannually"), f, "2026-08-31", "semiannually", expect="2027-02-28")
    c.run("semiannually from 2027-08-31 clamps to February 29th", A("2027-08-31", "semiannually"), f, "2027-08-31", "semiannually", expect="2028-02-29")
    c.run("yearly from 2028-02-29 clamps to 2029-02-28", A("2028-02-29", "yearly"), f, "2028-02-29", "yearly", expect="2029-02-28")
    c.run("yearly from 2027-02-28 stays on the 28th", A("2027-02-28", "yearly"), f, "2027-02-28", "yearly", expect="2028-02-28")
    c.run("weekly across February 29th", A("2028-02-25", "weekly"), f, "2028-02-25", "weekly", expect="2028-03-03")
    c.run("weekly across February in a common year", A("2027-02-25", "weekly"), f, "2027-02-25", "weekly", expect="2027-03-04")
    c.run("biweekly across the year end", A("2026-12-25", "biweekly"), f, "2026-12-25", "biweekly", expect="2027-01-08")
    # end_date
    c.run("next date after end_date is null", A("2026-12-31", "monthly", "2027-01-30"), f, "2026-12-31", "monthly", "2027-01-30", expect=None)
    c.run("next date equal to end_date is kept", A("2026-12-31", "monthly", "2027-01-31"), f, "2026-12-31", "monthly", "2027-01-31", expect="2027-01-31")
    c.run("next date before end_date is kept", A("2026-12-31", "monthly", "2027-12-31"), f, "2026-12-31", "monthly", "2027-12-31", expect="2027-01-31")
    c.run("end_date equal to due_date gives null", A("2026-12-31", "weekly", "2026-12-31"), f, "2026-12-31", "weekly", "2026-12-31", expect=None)
    c.run("weekly next date equal to end_date is kept", A("2026-11-21", "weekly", "2026-11-28"), f, "2026-11-21", "weekly", "2026-11-28", expect="2026-11-28")
    c.run("weekly next date one day after end_date is null", A("2026-11-21", "weekly", "2026-11-27"), f, "2026-11-21", "weekly", "2026-11-27", expect=None)
    c.run("clamped monthly date equal to end_date is kept", A("2027-01-31", "monthly", "2027-02-28"), f, "2027-01-31", "monthly", "2027-02-28", expect="2027-02-28")
    c.run("yearly from leap day with end_date on 2029-02-28", A("2028-02-29", "yearly", "2029-02-28"), f, "2028-02-29", "yearly", "2029-02-28", expect="2029-02-28")
    c.run("end_date before due_date is invalid", A("2026-12-31", "monthly", "2026-12-30"), f, "2026-12-31", "monthly", "2026-12-30", expect="INVALID_SUBSCRIPTION")
    c.run("end_date a year before due_date is invalid", A("2026-12-31", "yearly", "2025-12-31"), f, "2026-12-31", "yearly", "2025-12-31", expect="INVALID_SUBSCRIPTION")
    # bad cycles
    for label, cyc in [("daily", "daily"), ("capitalized Monthly", "Monthly"), ("upper-case WEEKLY", "WEEKLY"),
                       ("annually", "annually"), ("bimonthly", "bimonthly"), ("empty", ""),
                       ("trailing space", "monthly "), ("semi-annually with a dash", "semi-annually")]:
        c.run(f"unsupported cycle: {label}", A("2026-12-31", cyc), f, "2026-12-31", cyc, expect="INVALID_SUBSCRIPTION_CYCLE")
    # bad dates
    for label, text in BAD_DATES:
        c.run(f"invalid due_date: {label}", A(text, "monthly"), f, text, "monthly", expect="INVALID_DATE")
    c.run("invalid end_date: February 30th", A("2026-12-31", "monthly", "2027-02-30"), f, "2026-12-31", "monthly", "2027-02-30", expect="INVALID_DATE")
    c.run("invalid end_date: a timestamp", A("2026-12-31", "monthly", "2027-12-31T00:00:00Z"), f, "2026-12-31", "monthly", "2027-12-31T00:00:00Z", expect="INVALID_DATE")
    return c


def gen_subscription_schedule() -> Cases:
    c = Cases("subscription_schedule", "subscription_schedule(due_date, cycle, count, end_date?): due_date + k cycles "
              "for k = 1..count (due_date itself excluded), stopping after the last one <= end_date")
    f = subscription_schedule

    def A(d, cyc, n, end=None):
        args = {"due_date": d, "cycle": cyc, "count": n}
        if end is not None:
            args["end_date"] = end
        return args

    c.run("monthly from 2026-12-31, 3 dates (contract example)", A("2026-12-31", "monthly", 3), f, "2026-12-31", "monthly", 3,
          expect=["2027-01-31", "2027-02-28", "2027-03-31"])
    c.run("monthly from 2026-12-31, 12 dates", A("2026-12-31", "monthly", 12), f, "2026-12-31", "monthly", 12)
    for cyc in CYCLES:
        c.run(f"{cyc} from 2026-11-21, 5 dates", A("2026-11-21", cyc, 5), f, "2026-11-21", cyc, 5)
    for cyc in CYCLES:
        c.run(f"{cyc} from 2028-02-29, 4 dates", A("2028-02-29", cyc, 4), f, "2028-02-29", cyc, 4)
    # Hand-worked check of the loop's yearly case: counted from the original day, 2032 gets the 29th back.
    assert f("2028-02-29", "yearly", 4) == ["2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"]
    c.run("count 1 is just the next date", A("2026-12-31", "quarterly", 1), f, "2026-12-31", "quarterly", 1, expect=["2027-03-31"])
    c.run("count 1000 weekly", A("2026-11-21", "weekly", 1000), f, "2026-11-21", "weekly", 1000)
    c.run("count 0 is invalid", A("2026-12-31", "monthly", 0), f, "2026-12-31", "monthly", 0, expect="INVALID_SUBSCRIPTION")
    c.run("count 1001 is invalid", A("2026-12-31", "monthly", 1001), f, "2026-12-31", "monthly", 1001, expect="INVALID_SUBSCRIPTION")
    c.run("negative count is invalid", A("2026-12-31", "monthly", -1), f, "2026-12-31", "monthly", -1, expect="INVALID_SUBSCRIPTION")
    # end_date
    c.run("stops at end_date", A("2026-12-31", "monthly", 12, "2027-04-15"), f, "2026-12-31", "monthly", 12, "2027-04-15",
          expect=["2027-01-31", "2027-02-28", "2027-03-31"])
    c.run("a date equal to end_date is included", A("2026-12-31", "monthly", 12, "2027-03-31"), f, "2026-12-31", "monthly", 12, "2027-03-31",
          expect=["2027-01-31", "2027-02-28", "2027-03-31"])
    c.run("clamped date equal to end_date is included", A("2026-12-31", "monthly", 12, "2027-02-28"), f, "2026-12-31", "monthly", 12, "2027-02-28",
          expect=["2027-01-31", "2027-02-28"])
    c.run("count reached before end_date", A("2026-12-31", "monthly", 2, "2027-12-31"), f, "2026-12-31", "monthly", 2, "2027-12-31",
          expect=["2027-01-31", "2027-02-28"])
    c.run("weekly stops at end_date", A("2026-11-21", "weekly", 10, "2026-12-19"), f, "2026-11-21", "weekly", 10, "2026-12-19")
    c.run("biweekly stops the day before a date", A("2026-11-21", "biweekly", 10, "2027-01-01"), f, "2026-11-21", "biweekly", 10, "2027-01-01")
    c.run("yearly with end_date", A("2028-02-29", "yearly", 10, "2031-03-01"), f, "2028-02-29", "yearly", 10, "2031-03-01")
    c.run("first date already after end_date gives an empty list", A("2026-01-31", "monthly", 5, "2026-02-15"), f, "2026-01-31", "monthly", 5, "2026-02-15", expect=[])
    c.run("end_date equal to due_date gives an empty list", A("2026-12-31", "weekly", 5, "2026-12-31"), f, "2026-12-31", "weekly", 5, "2026-12-31", expect=[])
    c.run("count 1000 monthly bounded by end_date", A("2026-11-30", "monthly", 1000, "2028-12-31"), f, "2026-11-30", "monthly", 1000, "2028-12-31")
    c.run("end_date before due_date is invalid", A("2026-12-31", "monthly", 3, "2026-12-01"), f, "2026-12-31", "monthly", 3, "2026-12-01", expect="INVALID_SUBSCRIPTION")
    # bad cycles and dates
    for label, cyc in [("daily", "daily"), ("capitalized Monthly", "Monthly"), ("annual", "annual"), ("empty", "")]:
        c.run(f"unsupported cycle: {label}", A("2026-12-31", cyc, 3), f, "2026-12-31", cyc, 3, expect="INVALID_SUBSCRIPTION_CYCLE")
    for label, text in [("February 30th", "2026-02-30"), ("month 13", "2026-13-01"), ("single-digit month and day", "2026-1-5"),
                        ("no separators", "20261231"), ("a timestamp", "2026-12-31T00:00:00Z"), ("empty text", "")]:
        c.run(f"invalid due_date: {label}", A(text, "monthly", 3), f, text, "monthly", 3, expect="INVALID_DATE")
    c.run("invalid end_date: February 29th in a common year", A("2026-12-31", "monthly", 3, "2027-02-29"), f, "2026-12-31", "monthly", 3, "2027-02-29", expect="INVALID_DATE")
    return c


def generate() -> list[Cases]:
    return [gen_installment_due_dates(), gen_next_charge_date(), gen_subscription_schedule()]
