"""Question → answer with citations: query understanding, hybrid retrieval, extractive answers."""
from rag.answerer import Answerer
from rag.find.search import HybridSearch
from rag.llm.retriever import PlanRetriever
from rag.models import Answer, Citation
from rag.ports import AnswererPort, StoreView

__all__ = ["Answer", "Answerer", "AnswererPort", "Citation", "HybridSearch", "PlanRetriever", "StoreView"]
