"""Question → answer with citations: query understanding, hybrid retrieval, extractive answers."""
from .answerer import Answerer
from .models import Answer, Citation
from .ports import AnswererPort, StoreView
from .retriever import HybridSearch, PlanRetriever

__all__ = ["Answer", "Answerer", "AnswererPort", "Citation", "HybridSearch", "PlanRetriever", "StoreView"]
