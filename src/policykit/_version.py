__version__ = "0.1.0"

# Bump when extraction output may change for the same text: the log then supersedes older
# extractions of a document on `policykit ingest --reextract`. Kept here, not in `extract`, so
# that commands which only compare versions (`status`) need not import the extractor.
EXTRACTOR_VERSION = "0.5.1"
