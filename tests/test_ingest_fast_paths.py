"""Ingest's and the log writer's fast paths give what their slow definitions give."""
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.ingest import ExtractionBatch, IngestLimits, extraction_batch, prepare_batch
from policykit.log import encode_text


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=3))
def test_prepared_texts_are_the_stored_form_of_each_text(lines):
    # extraction_batch keeps the UTF-8 it hashed; prepare_batch compresses that instead of encoding again.
    batch = extraction_batch("\n".join(["一、创新", *lines, "1.建实验室。(牵头单位:科技局)"]).encode(), "x.txt")
    expected = {sha: encode_text(text) for sha, text in batch.texts.items()}
    assert prepare_batch(batch, IngestLimits()).texts == expected
    assert prepare_batch(ExtractionBatch(batch.events, batch.texts), IngestLimits()).texts == expected


def test_texts_of_a_file_of_several_documents_are_stored_as_their_own_utf8():
    data = "一、创新\n1.建实验室。\n\f二、改革\n2.建平台。(牵头单位:发改局)".encode()
    batch = extraction_batch(data, "x.txt")
    assert batch.utf8 == {sha: text.encode() for sha, text in batch.texts.items()}
    assert prepare_batch(batch, IngestLimits()).texts == {sha: encode_text(t) for sha, t in batch.texts.items()}
