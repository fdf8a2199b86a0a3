"""Shared helpers for the benchmarks in bench/: settings, timing, statistics, synthetic plans.

The benchmarks are scripts, not tests: they print figures and compare against a baseline measured in
the same run. Nothing here is imported by the application.
"""
from __future__ import annotations

import os
import platform
import random
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
# The project root first, and bench/ off the path once this module is imported: bench/ingest.py
# would otherwise shadow the `ingest` package for the scripts run from bench/.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if p != str(ROOT) and Path(p or ".").resolve() != BENCH]

# Same environment as the Makefile: nothing downloads, no telemetry.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from langchain_core.embeddings import Embeddings  # noqa: E402

from ground.config import Settings  # noqa: E402
from vectorstore.embeddings import (  # noqa: E402
    NumpyEmbeddings,
    embed_documents_np,
    embed_query_np,
    embedder_dim,
    embedder_name,
)


def bench_settings(default_dir: str | Path, **overrides) -> Settings:
    """Settings whose data_dir is NGVH_DATA_DIR when set, else `default_dir` (relative to the cwd)."""
    if not os.environ.get("NGVH_DATA_DIR"):
        overrides.setdefault("data_dir", Path(default_dir))
    return Settings(**overrides)


def log(*parts) -> None:
    """Progress goes to stderr so that stdout stays the figures (and the --json line)."""
    print(*parts, file=sys.stderr, flush=True)


def machine() -> str:
    cpus = os.cpu_count() or 0
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        pass
    try:
        load = f"load {os.getloadavg()[0]:.1f}"
    except OSError:
        load = ""
    return f"{platform.machine()} {cpus} cores, Python {platform.python_version()}, {load}".strip(", ")


def today() -> str:
    return date.today().isoformat()


def percentiles(values_ms: Iterable[float]) -> dict[str, float]:
    arr = np.asarray(list(values_ms), dtype=np.float64)
    if arr.size == 0:
        return {"p50_ms": float("nan"), "p95_ms": float("nan"), "mean_ms": float("nan")}
    return {
        "p50_ms": float(np.percentile(arr, 50)),
        "p95_ms": float(np.percentile(arr, 95)),
        "mean_ms": float(arr.mean()),
    }


def timed_calls(fn: Callable[[str], object], inputs: list[str], warmup: int = 10) -> tuple[list[object], list[float]]:
    """Call fn on every input; returns results and per-call wall times in ms (after `warmup` untimed
    calls on the first inputs, so caches, lazy imports and the lexical index are already built)."""
    for text in inputs[:warmup]:
        fn(text)
    results, times = [], []
    for text in inputs:
        t0 = time.perf_counter()
        results.append(fn(text))
        times.append((time.perf_counter() - t0) * 1000.0)
    return results, times


# ---------------------------------------------------------------- synthetic Vietnamese plans

_PROVINCES = [
    "Cao Bằng", "Lạng Sơn", "Hà Giang", "Lào Cai", "Điện Biên", "Sơn La", "Yên Bái", "Tuyên Quang",
    "Thái Nguyên", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam", "Quảng Ngãi", "Bình Định",
    "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Lâm Đồng",
    "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre", "Vĩnh Long",
    "Trà Vinh", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
]
_AGENCIES = [
    "Sở Ngoại vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Công Thương", "Đài Phát thanh và Truyền hình tỉnh",
    "Báo tỉnh", "Liên hiệp các tổ chức hữu nghị tỉnh", "Ủy ban nhân dân các huyện, thành phố",
]
_TOPICS = [
    "quảng bá hình ảnh đất nước, con người Việt Nam", "bảo tồn và phát huy giá trị di sản văn hóa",
    "xây dựng hồ sơ đề cử di sản thế giới", "tổ chức Tuần văn hóa Việt Nam ở nước ngoài",
    "hợp tác văn hóa với các địa phương nước ngoài kết nghĩa", "phát triển du lịch văn hóa cộng đồng",
    "vận động người Việt Nam ở nước ngoài giữ gìn tiếng Việt", "thông tin đối ngoại trên nền tảng số",
    "ứng dụng công nghệ số trong quảng bá văn hóa", "đào tạo cán bộ làm công tác ngoại giao văn hóa",
    "phát triển các ngành công nghiệp văn hóa", "tổ chức lễ hội, sự kiện văn hóa quốc tế",
    "quảng bá sản phẩm OCOP gắn với văn hóa địa phương", "giao lưu nhân dân với các nước láng giềng",
    "phối hợp với UNESCO trong bảo vệ di sản phi vật thể", "xuất bản ấn phẩm giới thiệu văn hóa bằng tiếng nước ngoài",
]
_VERBS = ["Tổ chức", "Triển khai", "Xây dựng", "Đẩy mạnh", "Tăng cường", "Nâng cao hiệu quả", "Phối hợp thực hiện",
          "Rà soát, đánh giá", "Hỗ trợ", "Chủ trì, tham mưu"]
_DETAILS = [
    "bảo đảm thiết thực, hiệu quả, phù hợp với điều kiện thực tế của địa phương",
    "gắn với thực hiện nhiệm vụ phát triển kinh tế - xã hội giai đoạn 2021 - 2030",
    "huy động sự tham gia của các tổ chức, doanh nghiệp và cộng đồng",
    "định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh qua Sở Ngoại vụ trước ngày 15 tháng 12 hằng năm",
    "lồng ghép trong các chương trình, đề án đã được phê duyệt",
    "kinh phí thực hiện từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác",
    "chú trọng các thị trường trọng điểm như Nhật Bản, Hàn Quốc, Pháp, Hoa Kỳ và các nước ASEAN",
    "phát huy vai trò của các cơ quan đại diện Việt Nam ở nước ngoài",
]
_SECTIONS = [("MỤC ĐÍCH, YÊU CẦU", ["Mục đích", "Yêu cầu"]),
             ("MỤC TIÊU", ["Mục tiêu chung", "Mục tiêu cụ thể"]),
             ("NHIỆM VỤ VÀ GIẢI PHÁP", ["Công tác tuyên truyền", "Quảng bá văn hóa", "Hợp tác quốc tế",
                                        "Nguồn nhân lực", "Ứng dụng công nghệ"]),
             ("KINH PHÍ THỰC HIỆN", ["Nguồn kinh phí"]),
             ("TỔ CHỨC THỰC HIỆN", ["Phân công nhiệm vụ", "Chế độ báo cáo"])]
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_VERBS)} {rng.choice(_TOPICS)}, {rng.choice(_DETAILS)}."


def synthetic_plan(seed: int, small: bool = False) -> tuple[str, str]:
    """(file name, text) of a plan-like Vietnamese document with I./1./- sections, varied by seed.

    Full size: 4-5 sections, about 10 chunks of ~560 characters with the project's chunker (like the
    sample plans). small=True: 2-3 sections with one sub-section each, about 3-4 chunks of ~350
    characters, so that thousands of them embed in minutes on 2 cores.
    """
    rng = random.Random(seed)
    province = rng.choice(_PROVINCES)
    number = f"{seed + 1}/KH-UBND"  # unique per seed: plan identity is number + issuer
    year = rng.choice([2021, 2022, 2023, 2024, 2025])
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    lines = [
        f"ỦY BAN NHÂN DÂN TỈNH {province.upper()}",
        f"Số: {number}",
        f"{province}, ngày {day} tháng {month} năm {year}",
        "KẾ HOẠCH",
        f"Triển khai thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh {province}",
        "",
        "Thực hiện Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược "
        f"Ngoại giao văn hóa đến năm 2030, Ủy ban nhân dân tỉnh {province} ban hành Kế hoạch thực hiện như sau:",
        "",
    ]
    sections = list(_SECTIONS)
    if small:
        sections = [sections[0]] + rng.sample(sections[1:], rng.randint(1, 2))
    elif rng.random() < 0.4:
        sections.pop(rng.randrange(1, len(sections) - 1))
    for i, (heading, subs) in enumerate(sections):
        lines.append(f"{_ROMAN[i]}. {heading}")
        n_subs = 1 if small else rng.randint(1, len(subs))
        for j, sub in enumerate(rng.sample(subs, n_subs) if small else subs[:n_subs], start=1):
            lines.append(f"{j}. {sub}")
            lines.append(_sentence(rng))
            for _ in range(rng.randint(1, 2) if small else rng.randint(1, 4)):
                lines.append(f"- {_sentence(rng)}")
                if rng.random() < 0.3:
                    lines.append(f"- {rng.choice(_AGENCIES)} chủ trì, phối hợp với {rng.choice(_AGENCIES)} "
                                 f"{rng.choice(_DETAILS)}.")
        lines.append("")
    lines += ["Nơi nhận:", "- Bộ Ngoại giao;", "- Thường trực Tỉnh ủy;", "- Lưu: VT.",
              "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu"])]
    return f"synthetic_{seed:05d}.txt", "\n".join(lines) + "\n"


def synthetic_questions(seed: int, n: int) -> list[str]:
    """Questions in the style users ask about such plans: topic, province-scoped, duties, deadlines."""
    rng = random.Random(seed)
    forms = [
        lambda: f"Kế hoạch ngoại giao văn hóa của {rng.choice(_PROVINCES)} có những nhiệm vụ gì?",
        lambda: f"Tỉnh nào {rng.choice(_TOPICS)}?",
        lambda: f"{rng.choice(_AGENCIES)} có trách nhiệm gì trong việc {rng.choice(_TOPICS)}?",
        lambda: f"Kinh phí thực hiện kế hoạch {rng.choice(_TOPICS)} lấy từ đâu?",
        lambda: f"mục tiêu {rng.choice(_TOPICS)} của {rng.choice(_PROVINCES)} là gì",
        lambda: "Báo cáo kết quả thực hiện kế hoạch gửi về đâu, trước ngày nào?",
        lambda: f"Ai ký kế hoạch {rng.randint(1, 3000)}/KH-UBND?",
        lambda: f"ke hoach {rng.choice(_TOPICS)} o {rng.choice(_PROVINCES)}",
    ]
    return [rng.choice(forms)() for _ in range(n)]


class WrappedEmbeddings(NumpyEmbeddings):
    """An embedder around another one (the benchmarks' cache and timer): same name and size, queries pass through."""

    def __init__(self, inner: Embeddings):
        self.inner = inner
        self.name = embedder_name(inner)
        self.dim = embedder_dim(inner)

    def embed_documents_np(self, texts) -> np.ndarray:
        return embed_documents_np(self.inner, texts)

    def embed_query_np(self, text: str) -> np.ndarray:
        return embed_query_np(self.inner, text)
