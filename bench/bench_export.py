"""Benchmark of the exports: a 200-objective map with 1,000 table rows of long Thai text.

Run by hand: ``/work/venv/bin/python bench/bench_export.py [--runs N]``. Prints the median times of
``write_xlsx`` and ``write_pdf`` (the first run, which loads the Thai dictionary and the fonts, is
shown apart) against the targets:

- xlsx ≤ 1.5 s
- PDF ≤ 4 s
- where LibreOffice is installed: converting our xlsx to PDF with it, timed in the same run; our
  own PDF should be at least 3 × faster.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from srmtool.export import write_pdf, write_xlsx
from srmtool.model.templates import default_columns
from srmtool.model.tidy import tidy_positions
from srmtool.model.types import PERSPECTIVE_IDS, Link, Objective, RouteMap, Row

PHRASES = (
    "ประชาชนมีสุขภาพดีและมีส่วนร่วมในการดูแลตนเอง",
    "เพิ่มความครอบคลุมการคัดกรองโรคเบาหวานและความดันโลหิตสูง",
    "อาสาสมัครสาธารณสุขประจำหมู่บ้านติดตามเยี่ยมบ้านผู้ป่วยติดเตียง",
    "องค์กรปกครองส่วนท้องถิ่นสนับสนุนงบประมาณกองทุนหลักประกันสุขภาพ",
    "ลดอัตราการตั้งครรภ์ในวัยรุ่นอายุต่ำกว่ายี่สิบปี",
    "ผู้สูงอายุได้รับการประเมินภาวะพึ่งพิงและมีแผนการดูแลรายบุคคล",
    "โรงพยาบาลส่งเสริมสุขภาพตำบลจัดบริการคลินิกโรคเรื้อรังคุณภาพ",
    "ครัวเรือนกำจัดแหล่งเพาะพันธุ์ยุงลายทุกสัปดาห์",
    "ร้อยละของเด็กอายุศูนย์ถึงห้าปีมีพัฒนาการสมวัย",
    "ที่ประชุมคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอเห็นชอบแผน",
    "ผู้ใหญ่บ้านและกำนันประชาสัมพันธ์ผ่านหอกระจายข่าวหมู่บ้าน",
    "น้ำดื่มสะอาดปลอดภัยในโรงเรียนและศูนย์พัฒนาเด็กเล็ก",
    "ชื่อกิจกรรมอบรมแกนนำครอบครัวด้านโภชนาการและการออกกำลังกาย",
    "ปี่กลองยาวในงานบุญประจำปีรณรงค์งดเหล้าเข้าพรรษา",
    "สิ้นปีงบประมาณมีการประเมินผลและถอดบทเรียนร่วมกับภาคีเครือข่าย",
    "ญาติผู้ดูแลได้รับความรู้เรื่องการป้องกันแผลกดทับ",
)


def _text(rng: random.Random, low: int = 60, high: int = 150) -> str:
    """Long Thai text, mostly without spaces, with ragged cuts as people type it."""
    target = rng.randint(low, high)
    out = ""
    while len(out) < target:
        phrase = rng.choice(PHRASES)
        if rng.random() < 0.3:
            phrase = phrase[: rng.randint(10, len(phrase))]
        out = f"{out} {phrase}" if out and rng.random() < 0.4 else out + phrase
    return out[:high]


def make_map(objectives: int = 200, rows: int = 1_000, seed: int = 2568) -> RouteMap:
    rng = random.Random(seed)
    route_map = RouteMap()
    route_map.meta.title = "แผนที่ทางเดินยุทธศาสตร์ การพัฒนาระบบสุขภาพระดับอำเภอ จังหวัดตัวอย่าง"
    route_map.meta.organization = "สำนักงานสาธารณสุขจังหวัดตัวอย่าง"
    route_map.meta.area = "๑๘ อำเภอ ๑๕๖ ตำบล"
    route_map.meta.period = "ปีงบประมาณ 2568–2571"
    route_map.destination = "ประชาชนมีสุขภาวะที่ดี ชุมชนจัดการสุขภาพได้อย่างยั่งยืน ภายในปี 2571"
    columns = default_columns()
    route_map.table.columns = columns
    per_level: dict[str, list[str]] = {p: [] for p in PERSPECTIVE_IDS}
    for i in range(objectives):
        level = PERSPECTIVE_IDS[i % 4]
        oid = f"o{i}"
        per_level[level].append(oid)
        code = f"{'ปภกพ'[i % 4]}{i // 4 + 1}"
        route_map.objectives.append(
            Objective(id=oid, code=code, perspective=level, text=_text(rng, 30, 80), key_route=i % 7 == 0)
        )
    for lower, upper in zip(PERSPECTIVE_IDS[1:], PERSPECTIVE_IDS, strict=False):
        for source in per_level[lower]:
            for target in rng.sample(per_level[upper], 2):
                route_map.links.append(Link(source=source, target=target))
    for n in range(rows):
        cells = {c.key: _text(rng) for c in columns[1:]}
        cells["budget"] = f"{rng.randint(1, 400) * 500:,}"
        cells["period"] = "ต.ค. 2567–ก.ย. 2568"
        route_map.table.rows.append(Row(id=f"r{n}", objective=f"o{n * objectives // rows}", cells=cells))
    # Place the boxes as the editor's tidy layout would, so the map page draws a real map.
    for oid, (x, y) in tidy_positions(route_map).items():
        found = route_map.objective(oid)
        if found is not None:
            found.x, found.y = x, y
    return route_map


def _time(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """(first run, median of the later runs, median CPU time of the later runs) in seconds; the
    CPU time shows what a busy machine's wall clock hides."""
    times, cpu = [], []
    for _ in range(runs + 1):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return times[0], statistics.median(times[1:]), statistics.median(cpu[1:])


def _libreoffice(xlsx: Path, out_dir: Path, runs: int) -> float | None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    cmd = [office, "--headless", "--convert-to", "pdf", "--outdir", str(out_dir), str(xlsx)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, timeout=600)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs after the first (default 3)")
    args = parser.parse_args()
    route_map = make_map()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        xlsx, pdf = out / "table.xlsx", out / "table.pdf"
        x_first, x_median, x_cpu = _time(lambda: write_xlsx(route_map, xlsx), args.runs)
        p_first, p_median, p_cpu = _time(lambda: write_pdf(route_map, pdf), args.runs)
        pages = len(re.findall(rb"/Type /Page\b", pdf.read_bytes()))
        print(f"map: {len(route_map.objectives)} objectives, {len(route_map.table.rows)} rows x 11 columns")
        print(
            f"write_xlsx: first {x_first:.2f} s, median {x_median:.2f} s, CPU {x_cpu:.2f} s (target <= 1.5 s)"
        )
        print(
            f"write_pdf:  first {p_first:.2f} s, median {p_median:.2f} s, CPU {p_cpu:.2f} s (target <= 4 s),",
            end="",
        )
        print(f" {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB")
        office = _libreoffice(xlsx, out / "office", max(1, args.runs // 2))
        if office is None:
            print("LibreOffice: not installed, no comparison")
        else:
            ratio = office / p_median
            print(
                f"LibreOffice xlsx -> PDF: median {office:.2f} s; ours is {ratio:.1f} x faster (goal >= 3 x)"
            )


if __name__ == "__main__":
    main()
