"""Records are frozen dataclasses whose __init__ is built for speed: it must take and keep what the
dataclass's own would."""
from __future__ import annotations

import dataclasses

import pytest

from policykit.extract._records import RECORD_TYPES, Extraction

_TYPES = [*RECORD_TYPES.values(), Extraction]


@pytest.mark.parametrize("record_type", _TYPES, ids=lambda t: t.__name__)
def test_a_record_keeps_each_argument_in_its_field_by_name_and_by_position(record_type):
    fields = dataclasses.fields(record_type)
    values = [f"value of {f.name}" for f in fields]
    by_name = record_type(**{f.name: v for f, v in zip(fields, values)})
    by_position = record_type(*values)
    assert dataclasses.astuple(by_name) == dataclasses.astuple(by_position) == tuple(values)
    assert by_name == by_position and hash(by_name) == hash(by_position)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(by_name, fields[0].name, None)


@pytest.mark.parametrize("record_type", _TYPES, ids=lambda t: t.__name__)
def test_a_record_takes_the_declared_defaults_and_refuses_a_missing_field(record_type):
    fields = dataclasses.fields(record_type)
    required = {f.name: f"value of {f.name}" for f in fields if f.default is dataclasses.MISSING}
    record = record_type(**required)
    assert all(getattr(record, f.name) == (required[f.name] if f.name in required else f.default) for f in fields)
    if required:
        with pytest.raises(TypeError):
            record_type(**dict(list(required.items())[1:]))
    with pytest.raises(TypeError):
        record_type(**required, not_a_field=1)
