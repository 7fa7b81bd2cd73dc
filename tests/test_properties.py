"""Property tests over the public functions: the number reader, unit lists in responsibility clauses, and the fold.

Each property is a rule the kit states in general (numbers are exact decimals, spans satisfy
``text[start:end] == mention``, the log replays to one state); hypothesis searches for the input
that breaks it. Example counts keep the whole file well under a minute.
"""
from __future__ import annotations

import shutil
import tempfile
from decimal import Context, Decimal
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import policykit as pk
from policykit import curation, lexicon
from policykit.extract import MAX_DIGITS, find_assignments, find_quantities, find_tasks, read_number
from policykit.frames import apply, replay, stream_log
from policykit.log import EventLog

NUMBERS = settings(max_examples=300, deadline=None)

# --- the number reader --------------------------------------------------------------------------

_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
integers = st.integers(min_value=0, max_value=10**40)
fractions = st.text(alphabet="0123456789", min_size=1, max_size=20)  # any number of decimal places


@NUMBERS
@given(integers, st.none() | fractions)
def test_arabic_numerals_read_back_exactly(whole, fraction):
    written = str(whole) + (f".{fraction}" if fraction else "")
    assert read_number(written) == Decimal(written)
    assert read_number(written.translate(_FULL_WIDTH)) == Decimal(written)  # full-width digits and point


@NUMBERS
@given(st.integers(min_value=1000, max_value=10**40))
def test_integers_with_thousands_separators_read_back_exactly(whole):
    assert read_number(f"{whole:,}") == whole


@NUMBERS
@given(st.integers(min_value=1000, max_value=10**MAX_DIGITS - 1), fractions)
@example(1234, "5")
def test_decimals_with_thousands_separators_read_back_exactly(whole, fraction):
    written = f"{whole:,}.{fraction}"
    assert read_number(written) == Decimal(written.replace(",", ""))
    assert [q.value for q in find_quantities(f"达到{written}家")] == [Decimal(written.replace(",", ""))]


_CN_DIGITS = "零一二三四五六七八九"


def _section(n: int, *, leading: bool) -> str:
    """0 < n < 10^4 in Chinese: 三千零六, 一百一十, 十二 (一十二 unless it leads the numeral)."""
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if not digit:
            zero = bool(out)
            continue
        if zero:
            out += "零"
        out += ("" if unit == "十" and digit == 1 and leading and not out else _CN_DIGITS[digit]) + unit
        zero = False
    return out


def chinese_numeral(n: int, *, leading: bool = True) -> str:
    """The usual written form of 0 <= n < 10^24: 一万零五百, 十二, 三千零六, 一万亿零一, 三千万亿亿零一."""
    if n == 0:
        return "零"
    for size, word in ((10**16, "亿亿"), (10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            rest = "" if low == 0 else ("零" if low < size // 10 else "") + chinese_numeral(low, leading=False)
            return chinese_numeral(high, leading=leading) + word + rest
    return _section(n, leading=leading)


def _liang(numeral: str, mask: list[bool]) -> str:
    """二 before 千, 万 or 亿 may be written 两 (两千, 两万, 两亿): where ``mask`` says so."""
    chars = list(numeral)
    spots = [i for i in range(len(chars) - 1) if chars[i] == "二" and chars[i + 1] in "千万亿"]
    for i, use in zip(spots, mask):
        chars[i] = "两" if use else "二"
    return "".join(chars)


@NUMBERS
@given(st.integers(min_value=0, max_value=10**16 - 1), st.lists(st.booleans(), max_size=8))
@example(10, [])
@example(100005, [])
@example(10**12 + 1, [])
@example(2_2000_2000, [True, True])
def test_chinese_numerals_of_any_length_read_back_exactly(n, liang):
    written = _liang(chinese_numeral(n), liang)
    assert read_number(written) == n, written


@NUMBERS
@given(st.integers(min_value=10**16, max_value=10**24 - 1))
@example(10**16)
@example(10**20 + 3 * 10**8)  # 一万亿亿零三亿: 万亿 before 亿亿 is one unit, the later 亿 group adds
@example(10**24 - 1)
def test_chinese_numerals_past_ten_to_the_sixteen_read_back_exactly(n):
    assert read_number(chinese_numeral(n)) == n, chinese_numeral(n)


def _chinese_decimal(whole: int, fraction: str) -> tuple[str, Decimal]:
    """(三点一四, 3.14) from 3 and "一四"."""
    return chinese_numeral(whole) + "点" + fraction, Decimal(f"{whole}." + "".join(str(_CN_DIGITS.index(ch))
                                                                                    for ch in fraction))


chinese_fractions = st.text(alphabet=_CN_DIGITS, min_size=1, max_size=12)


@NUMBERS
@given(st.integers(min_value=0, max_value=10**12), chinese_fractions)
def test_chinese_decimals_read_back_exactly(whole, fraction):
    written, expected = _chinese_decimal(whole, fraction)
    assert read_number(written) == expected, written


@NUMBERS
@given(st.integers(min_value=0, max_value=9999), chinese_fractions, st.sampled_from([("万", 10**4), ("亿", 10**8)]))
@example(3, "五", ("万", 10**4))
def test_chinese_decimals_with_a_scale_word_read_back_exactly(whole, fraction, scale):
    written, value = _chinese_decimal(whole, fraction)
    expected = Context(prec=100).multiply(value, scale[1])
    assert read_number(written + scale[0]) == expected, written + scale[0]
    assert [q.base_value for q in find_quantities(f"达到{written}{scale[0]}家")] == [expected]


@NUMBERS
@given(st.text(alphabet="〇一二三四五六七八九", min_size=2, max_size=30).filter(lambda s: "〇" in s))
def test_digit_by_digit_numerals_with_a_zero_read_back_exactly(written):
    assert read_number(written) == int("".join(str("〇一二三四五六七八九".index(ch)) for ch in written))


# In running text a figure longer than MAX_DIGITS digits is refused with a warning (so that the value
# times 亿 still fits the frames' Decimal(38, 6)); the properties cover every figure below that.
figures = st.integers(min_value=0, max_value=10**MAX_DIGITS - 1)
arabic = st.one_of(
    st.builds(lambda n: (str(n), Decimal(n)), figures),
    st.builds(lambda n, f: (f"{n}.{f}", Decimal(f"{n}.{f}")), figures, fractions),
    st.builds(lambda n: (f"{n:,}", Decimal(n)), st.integers(min_value=1000, max_value=10**MAX_DIGITS - 1)),
    st.builds(lambda n: (str(n).translate(_FULL_WIDTH), Decimal(n)), figures),
)
# (as written, value in base units): a scale word after Arabic digits multiplies (3.5万 = 35000).
numerals = st.one_of(
    st.builds(lambda number, scale: (number[0] + scale[0], Context(prec=100).multiply(number[1], scale[1])), arabic,
              st.sampled_from([("", 1), ("万", 10**4), ("亿", 10**8)])),
    st.builds(lambda n: (chinese_numeral(n), Decimal(n)), st.integers(min_value=1, max_value=10**16 - 1)),
)


@NUMBERS
@given(numerals, st.sampled_from(["力争达到", "新增", "完成投资", "。"]), st.sampled_from(["家", "个", "人次", "吨"]))
@example(("一万", Decimal(10**4)), "新增", "家")
@example(("3.5亿", Decimal(35 * 10**7)), "完成投资", "吨")
def test_quantities_in_a_sentence_keep_the_exact_value_and_span(numeral, before, unit):
    written, value = numeral
    text = f"{before}{written}{unit}以上。"
    found = find_quantities(text)
    assert [(q.base_value, q.base_unit, q.comparator) for q in found] == [(value, unit, ">=")], text
    assert text[found[0].start:found[0].end] == f"{written}{unit}以上"


# --- unit lists in responsibility clauses -------------------------------------------------------

# Names as plans write them: a place, a function stem of the lexicon, a head. Stems that are whole
# names already (组织部, 人民政府, 法院, 团委, 开发区, 专班, 街道 …) or end in a head (金融办, 人民银行, 海关)
# take no second head.
_WHOLE_NAMES = {"party_organs", "government_office", "judiciary", "mass_organization", "development_zone",
                "task_force", "township"}
_STEMS = sorted({stem for row in lexicon.table("unit_functions").rows if row["category"] not in _WHOLE_NAMES
                 for stem in row["stems"].split("|") if stem[-1] not in "办委部" and not stem.endswith(("银行", "人行", "海关"))})
unit_names = st.builds(lambda place, stem, head: place + stem + head,
                       st.sampled_from(["", "市", "县", "省", "区"]), st.sampled_from(_STEMS),
                       st.sampled_from(["局", "委员会", "中心", "办公室"]))
# Two lists of different names: the leads and the partners of one clause.
two_lists = st.lists(unit_names, min_size=2, max_size=10, unique=True).flatmap(
    lambda names: st.integers(1, len(names) - 1).map(lambda cut: (names[:cut], names[cut:])))
separators = st.sampled_from(["、", "，", ",", " ", "\u3000", "；", "和", "及", "与"])
# Before a role verb a comma ends the list (A牵头，B配合): only 、 and conjunctions join names there.
list_joiners = st.sampled_from(["、", "和", "及", "与"])


def _joined(names: list[str], seps: list[str]) -> str:
    return names[0] + "".join(sep + name for sep, name in zip(seps, names[1:]))


CLAUSES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CLAUSES
@given(two_lists, st.data())
def test_labelled_unit_lists_split_into_the_names_as_written(lists, data):
    leads, partners = lists
    seps = data.draw(st.lists(separators, min_size=len(leads) + len(partners), max_size=len(leads) + len(partners)))
    text = f"1.建设平台。(牵头单位:{_joined(leads, seps)} 配合单位:{_joined(partners, seps[len(leads):])})"
    found = find_assignments(text, find_tasks(text))
    assert [(a.mention, a.role) for a in found] == [(n, "lead") for n in leads] + [(n, "participant") for n in partners]
    assert all(text[a.start:a.end] == a.mention for a in found)
    assert all(a.clause_start <= a.start < a.end <= a.clause_end for a in found)


@CLAUSES
@given(two_lists, st.data())
def test_unit_lists_before_role_verbs_split_into_the_names_as_written(lists, data):
    leads, partners = lists
    seps = data.draw(st.lists(list_joiners, min_size=len(leads) + len(partners),
                              max_size=len(leads) + len(partners)))
    text = f"1.建设平台。（{_joined(leads, seps)}牵头，{_joined(partners, seps[len(leads):])}配合）"
    found = find_assignments(text, find_tasks(text))
    assert [(a.mention, a.role) for a in found] == [(n, "lead") for n in leads] + [(n, "participant") for n in partners]
    assert all(text[a.start:a.end] == a.mention for a in found)


# --- the fold -----------------------------------------------------------------------------------

_HEAD = "成武县2023年重点工作任务\n一、创新\n"


def _plan(tasks: list[tuple[tuple[list[str], list[str]], int | None]]) -> str:
    """A plan of numbered tasks, each with its responsibility clause and maybe a target."""
    lines = []
    for number, ((leads, partners), target) in enumerate(tasks, 1):
        goal = f"力争达到{target}家以上。" if target else ""
        lines.append(f"{number}.做好第{number}项工作。{goal}(牵头单位:{'、'.join(leads)}参与单位:{'、'.join(partners)})")
    return _HEAD + "\n".join(lines) + "\n"


plans = st.lists(st.tuples(two_lists, st.none() | st.integers(1, 999)), min_size=1, max_size=3).map(_plan)
FOLD = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_ROLES = ("lead", "responsible", "participant")


def _frames(ds) -> dict:
    return {**ds.frames.as_dict(), "orphans": ds.orphans}


def _new_project(root: Path) -> pk.Project:
    return pk.Project.create(root)


def _decide(project: pk.Project, kind: str, pick: int) -> tuple | None:
    """A curation of ``kind`` on the record ``pick`` chooses (modulo their number): (function, id, arguments)."""
    ds = pk.open(project)
    rows = {"reject-task": ds.tasks, "add": ds.tasks, "task": ds.tasks, "reject-assignment": ds.assignments,
            "role": ds.assignments, "split": ds.assignments, "alias": ds.assignments, "target": ds.targets,
            "undo": curation.history(project)}[kind]
    if rows.is_empty():
        return None
    row = rows.row(pick % rows.height, named=True)
    if kind in ("reject-task", "reject-assignment"):
        return curation.reject, row.get("assignment_id") or row["task_id"], ()
    if kind == "add":
        return curation.add_assignment, row["task_id"], ("县审计局", _ROLES[pick % 3])
    if kind == "task":
        return curation.correct_task, row["task_id"], {"title": f"改过的标题{pick}"}
    if kind == "role":
        return curation.set_role, row["assignment_id"], (_ROLES[pick % 3],)
    if kind == "split":
        if len(row["mention"]) < 2:  # a part of an earlier split may be one character
            return None
        cut = 1 + pick % (len(row["mention"]) - 1)
        return curation.split_unit, row["assignment_id"], (row["mention"][:cut], row["mention"][cut:])
    if kind == "alias":
        other = rows.row((pick // rows.height) % rows.height, named=True)["mention"]
        return (curation.alias, row["mention"], (other,)) if other != row["mention"] else None
    if kind == "target":
        return curation.correct_target, row["target_id"], {"value": str(pick % 1000), "comparator": ">"}
    return curation.undo, row["seq"], ()


def _record(project: pk.Project, decision: tuple | None) -> None:
    if decision is None:
        return
    function, record_id, arguments = decision
    say = {"reason": f"property test: {function.__name__}", "author": "hypothesis"}
    if isinstance(arguments, dict):
        function(project, record_id, **arguments, **say)
    else:
        function(project, record_id, *arguments, **say)


_CURATIONS = ["reject-task", "reject-assignment", "add", "task", "role", "split", "alias", "target", "undo"]
steps = st.lists(st.one_of(st.tuples(st.just("write"), st.integers(0, 2), plans),
                           st.tuples(st.sampled_from(_CURATIONS), st.integers(0, 10**6), st.none())),
                 min_size=1, max_size=7)


@FOLD
@given(steps, st.lists(st.integers(0, 10**6), max_size=4), st.integers(1, 3))
def test_replaying_the_whole_log_equals_building_it_in_chunks(steps, cuts, chunk):
    with tempfile.TemporaryDirectory() as tmp:
        project = _new_project(Path(tmp) / "project")
        seen = {}  # the frames as they were after each step, by log position
        for kind, pick, plan in steps:
            if kind == "write":  # a new source, or a changed one whose extraction supersedes the old
                (project.raw_dir / f"plan{pick}.txt").write_text(plan, encoding="utf-8")
                assert pk.ingest(project).ok
            elif project.log_path.exists():
                _record(project, _decide(project, kind, pick))
            if project.log_path.exists():
                ds = pk.open(project)
                seen[ds.last_seq] = _frames(ds)
        if not seen:
            return  # curation before any source: nothing was recorded
        # time travel: the log as of each position gives the frames seen at that position
        for seq, frames in seen.items():
            then = _frames(pk.open(project, as_of_seq=seq))
            assert [name for name in frames if not frames[name].equals(then[name])] == [], seq
        with EventLog(project.log_path) as log:
            events = list(log.read())
            whole = replay(events)
            # the same events folded chunk by chunk onto a state replayed from a prefix
            bounds = sorted({0, len(events), *(c % (len(events) + 1) for c in cuts)})
            state = replay(events[:bounds[1]])
            for start, end in zip(bounds[1:], bounds[2:]):
                for stored in events[start:end]:
                    state = apply(state, stored)
            assert state == whole
            now = _frames(pk.open(project))
            # the streaming build, a chunk of documents at a time
            (Path(tmp) / "stream").mkdir()
            streamed = stream_log(log, Path(tmp) / "stream", chunk=chunk)
        for name in streamed.parts:
            assert streamed.frame(name).equals(now[name]), name
        assert streamed.documents.equals(now["documents"]) and streamed.units.equals(now["units"])


_INDEPENDENT = ["reject-task", "reject-assignment", "add", "task", "role", "split", "alias", "target"]
_ADDED_SEQ = r"\+added\d+$"


def _one_state(frames: dict) -> dict:
    """Frames in id order, added assignments named without the seq of the event that added them."""
    ids = {"documents": "doc_id", "tasks": "task_id", "assignments": "assignment_id", "units": "unit_id",
           "targets": "target_id", "observations": "obs_id"}
    renamed = {**frames, "assignments": frames["assignments"].with_columns(
        pl.col("assignment_id").str.replace(_ADDED_SEQ, "+added"))}
    orphans = frames["orphans"].drop("seq")
    return {**{name: renamed[name].sort(column) for name, column in ids.items()},
            "orphans": orphans.sort(orphans.columns)}


@FOLD
@given(plans, st.lists(st.tuples(st.sampled_from(_INDEPENDENT), st.integers(0, 10**6)), min_size=2, max_size=6),
       st.lists(st.integers(), min_size=6, max_size=6))
@example(_plan([((["县财政局", "县科技局"], ["县交通局", "县税务局"]), 20)]),
         [("alias", 4), ("alias", 9), ("alias", 11), ("role", 1), ("split", 2), ("target", 0)], [5, 4, 3, 2, 1, 0])
def test_independent_curations_in_any_order_give_one_state(plan, curations, keys):
    with tempfile.TemporaryDirectory() as tmp:
        base = _new_project(Path(tmp) / "base")
        (base.raw_dir / "plan.txt").write_text(plan, encoding="utf-8")
        assert pk.ingest(base).ok
        # independent: no two curations name the same record (undo, which names an event, is left out)
        decisions = {}
        for kind, pick in curations:
            decision = _decide(base, kind, pick)
            if decision is not None:
                decisions.setdefault(decision[1], decision)
        chosen = list(decisions.values())
        states = []
        shuffled = [decision for _, decision in sorted(zip(keys, chosen), key=lambda pair: pair[0])]
        for order in (chosen, shuffled):
            project = pk.Project(Path(tmp) / f"order{len(states)}")
            shutil.copytree(base.root, project.root)
            for decision in order:
                _record(project, decision)
            states.append(_one_state(_frames(pk.open(project))))
        assert [name for name in states[0] if not states[0][name].equals(states[1][name])] == []
