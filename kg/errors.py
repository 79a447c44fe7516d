"""The KgError hierarchy: every error the library raises on purpose.

Library code raises these (``raise ... from exc``); only ``kg.cli`` turns them into
exit codes and messages.
"""

__all__ = ["KgError", "InputError", "ExtractionError", "ConfigError", "MappingError", "QueryError", "StoreError"]


class KgError(Exception):
    """Base class of unikg errors; the message names what, where and what to do."""


class InputError(KgError):
    """An input file, folder or stream cannot be read as an article."""


class ExtractionError(KgError):
    """Extraction failed on one article (a fault of ours, not of the article): the article is
    reported and skipped, the batch goes on."""


class ConfigError(KgError):
    """A configuration value, gazetteer file or option is invalid."""


class MappingError(KgError):
    """Extracted facts cannot be mapped onto the ontology."""


class QueryError(KgError, ValueError):
    """A SPARQL query is malformed, unknown or failed."""


class StoreError(KgError):
    """The knowledge-base directory cannot be opened or written."""
