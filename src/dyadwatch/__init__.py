"""dyadwatch: political event data from news text.

Flow (one direction): ingest -> nlp -> coding -> store -> analysis -> cli / web.
"""

__version__ = "0.1.0"
