"""The one error the network layer raises for bad input, with a message a user can act on."""
from __future__ import annotations


class NetworkInputError(ValueError):
    """Input the network layer cannot use: a missing column, an unknown option, an empty selection."""
