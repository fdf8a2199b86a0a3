"""File → Plan: read, clean, check it is a plan, extract metadata, parse sections, chunk, name it."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ground import vi
from ground.numbers import find_numbers
from ground.plans import Plan, PlanMeta
from ingest.assignments import extract_assignments
from ingest.chunking import CHUNKER_VERSION, chunk_plan
from ingest.clean import clean_text
from ingest.deadline_dates import date_assignments
from ingest.decisions import carried_plan_start, decision_sections
from ingest.errors import IngestError, OutOfScope
from ingest.family import belonging
from ingest.member_lists import member_roles
from ingest.mentions import extract_mentions
from ingest.metadata import extract_metadata
from ingest.ocr import OCR_CONFIDENCE_FLOOR, OcrCache
from ingest.quality import QUALITY_WARNING, bad_words, text_quality
from ingest.readers import read_document
from ingest.repair import repair_text
from ingest.structure import parse_sections, path_at
from ingest.tables import linearize_tables

# a news page may be one sentence ("Từ ngày 17/12 đến 19/12/2024 tỉnh X tổ chức kỷ niệm 10 năm quan hệ hữu nghị với
# tỉnh Y, Nhật Bản"): a fact worth answering, so only what cannot hold one is refused; a short text is taken with a warning
MIN_PLAN_CHARS = 80
SHORT_TEXT_CHARS = 200
NUMBERED_HEAD = 1500  # characters at the top where a document's own number stands
# Part of every plan's version: bump when chunking or extraction changes, so re-ingest rebuilds.
PIPELINE_VERSION = (f"chunks-{CHUNKER_VERSION}/assignments-9/repair-22/decisions-2"  # assignments-2: due dates
                    "/mentions-12/about-33/tables-55/sections-4/sentences-2/numbers-16/agencies-8/signers-14/clean-19/titles-18/fonts-2/markup-2")
# tables-55: a table numbering its items by kind with no words naming them ('Đợt' | '1' | '30%' | …) reads each row
# as that item ('Đợt 1: tỷ lệ: 30%; …'); a column's EUR, yên or won follows its figures;
# tables-54: a column counting things ('Số dự án') takes no unit of the caption ('Đơn vị tính: nghìn USD'); a
# pledge's or a disbursement's column ('Giá trị cam kết', 'Giải ngân') is of money;
# tables-53: a count of members, trainees, artists … under its column ('Số hội viên (31/12/2025)' | '530') is said
# with its noun ('530 hội viên');
# sections-4: the text a decision issues, set after its signature ('PHƯƠNG ÁN' / '(Kèm theo Quyết định số …)'), is a
# part of its own, not the last article's;
# mentions-12: a document said to lapse when this one takes effect ('… hết hiệu lực kể từ ngày Nghị quyết này có hiệu
# lực') is one this replaces;
# repair-22: a province's first word typed twice ('UBND tỉnh Bình Bình Định') is the province once;
# repair-21: a date typed with a doubled slash ('18/12//2011') is one date;
# tables-52: a row whose one cell in capitals stands under the numbering column ('| | THÁNG 10 | | |') heads the rows
# below it, never goes on the row above;
# about-33: of two stamps atop a page ('Thứ 5, 14/11/2024' a clock, 'Thứ 5, 08/11/2018' the post's) the one whose day
# its story tells ('Sáng ngày 8/11, …') dates it;
# numbers-16: a site's press licence ('Giấy phép hoạt động báo chí số 681/GP-BTTT') is no document of the page;
# tables-51: a one-cell-per-line table whose rows end in an empty cell (an empty line) is read whole, not to its second row;
# clean-19: a page's text-size and contrast buttons ('A- A A+ | Tăng tương phản …') are chrome, never its title;
# tables-50: a rank keyed by its column's name ('Giải' | 'Đặc biệt') is said with it ('Giải Đặc biệt: …');
# clean-18, titles-18: a signed text headed in capitals ('BẢN GHI NHỚ' / 'VỀ …' / 'GIỮA' …) keeps its head, its title and kind;
# tables-49: a row's own unit ('người') counts its quantity; its sums ('Đơn giá', 'Thành tiền') take the caption's unit;
# signers-14: a name under a rank in blocks side by side ('Đại tá Ân Văn Hưởng') signs whatever its surname;
# assignments-9: a body a line under another's heading gives a task ('…; Tỉnh đoàn chủ trì “Trại hè …”') is assigned it;
# titles-17: 'ĐC' is a Đề cương;
# about-32, numbers-14: a sentence that looks back ('Trước đó, ngày …, Bộ … đã ban hành Quyết định số …') gives the page no
# number, issuer, type or date; clean-17, titles-16: a site's clock ('Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27') is a
# dateline, its menu between stars is no title, a byline's 'Tên - 15:10, 27/12/2022' dates the page;
# tables-48: a programme's table copied one cell per line ('Thời gian' / 'Nội dung' / … / 'Ngày 13/7' / '20h00 - 22h00' / …)
# is read as rows of their day and hour;
# mentions-9, titles-15: a number pointed to ('có ý kiến tại Công văn số …') is cited, not the text's own; an agreement,
# a memorandum, a Quy chế or a Tờ trình is a kind of its own; a portal's 'Toàn văn' is no part of the title;
# tables-47: a table by year under a caption's unit ('(Đơn vị tính: triệu đồng)') says it after each figure;
# tables-46: a markdown rule row ('|---|---|') is dropped before any table is read; a year with its note ('2026 (từ
# tháng 9)') keys a row; a first column numbering named items ('Hợp phần', 'Gói thầu', 'Tập') is no figure of the row;
# titles-14: a line in lower case is no headline (a site's hidden keywords above it);
# repair-20: a page's address alone on its line is never joined to the next (it became the page's title);
# about-31: a neighbour's province ("tỉnh Xiêng Khoảng", "tỉnh X (Lào)") is never the text's own;
# clean-15: a note about the text at its very top ("văn bản giả lập …") is dropped;
# tables-45: a group row is a heading only under a table of words' own header (STT …), never under a task table's;
# about-30: "Phó Chủ tịch thường trực UBND tỉnh <name>": the name is the standing deputy's, no province;
# agencies-8: an acronym ends a body's name ("Ban KT-NS là …"); "la", "duoc" typed plainly end it too;
# tables-44: "(đơn vị tính: đồng)" over a table of words with no money column gives every figure its unit;
# tables-43: a group row under a table of words ("| II | CÁ NHÂN (15 cá nhân) | | |") is a heading, not a new header;
# "Tên tập thể, cá nhân" is a column of names (an award list, each row a record);
# tables-42: a one-cell-per-line table whose empty cells are empty lines (group rows numbering their items from 1, a total
# row over the number's column) is read as pipe rows;
# tables-38: people a header counts in shorthand ("SV đi", "Số HS") are written out where a row is said, and follow their figure ("16 sinh viên");
# clean-12: a signer's name after its degrees ("PGS.TS. Tạ Quang Vịnh") is kept;
# repair-18: a web page's reference mark after a space ("31/2023/QĐ-TTg [2] quy định …") is removed;
# clean-14: a page's address alone on its line is dropped (never its title nor an answer);
# repair-19: a short cell ("Cả giai đoạn") does not go on into the next row's bare number;
# tables-41: a table with a column of people's names ("Họ và tên | Chức vụ | Nhiệm vụ trong đoàn") is a list of members, each row a record, not a task table;
# clean-13: a saved page's date joined to its address line ("https://… date 2021-12") is read, and kept as its date line;
# tables-40: a money cell with its sources in brackets ("2.600 (NSNN: 800; tài trợ KOICA: 1.800)") says the header's unit after each figure;
# tables-39: a pipe row whose next lines leave the number cell empty and go on its cells (a cell opening in lower case or a bracket, or one or two cells) is one row, its cells joined column by column;
# decisions-2: a decision issuing a "QUY CHẾ"/"QUY ĐỊNH" after its signature takes the number and date the annex caption gives;
# tables-37: a row with words after its figures is a record, every cell said under its header; "Đơn vị tính kinh phí: …" gives a money column its unit; sections-3: a list headed "DANH SÁCH …" after the signature is an appendix;
# tables-36: a figure under a column naming its unit ("Thành tiền (đồng)") is said with it ("thành tiền: 392.900.000 đồng");
# tables-35: a column of shares ("So sánh 2026/2025 (%)") takes no row unit;
# agencies-7: a Party programme's bodies ("Đảng đoàn …", "Ban cán sự đảng …", "Đảng ủy …") are bodies; a body's name goes on over "truyền thống", "dân tộc", "dân gian", "hữu nghị" ("Nhà hát Nghệ thuật truyền thống X");
# titles-13: a decision whose first article issues a programme named in quotes (Ban hành “Chương trình …” nhằm …) is catalogued under it;
# about-29: a page saved with its month only ("date 2025-05") is of that year (about.year);
# repair-17: a province's name broken over two lines ("… Sở Ngoại vụ tỉnh Quảng" / "Nam tại Tờ trình …") is joined;
# tables-34: a table of figures under a caption giving their money unit ("Giá trị giải thưởng (đồng/giải) như sau:") writes it after each figure;
# tables-33: a task table's first column of times written on a group's first row only ("Tháng 9/2026" over an empty cell) carries down;
# mentions-8: "Bộ Chính trị (Khóa X) ban hành Nghị quyết 36-NQ/TW (ngày 26/3/2004)": its issuer and bracketed date;
# about-28: "BỘ …" over "CỤC …" is the ministry's department ("Cục Hợp tác quốc tế, Bộ …");
# about-27: "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ" / "TỈNH X" over two emblem lines is that province's body;
# tables-32: a band row of a task table ("| **QUÝ I/2027** | **04 hoạt động** | | | **443** |") announces the rows below;
# assignments-8: "Sở X (cơ quan thường trực):" heads the duties of Sở X;
# signers-12: the addressees set beside a signature block are not counted among its title lines;
# assignments-7: a regulation's "Điều 14. Bộ Chỉ huy …" names the body whose numbered duties follow;
# tables-31: a line of who attends a meeting ("Tham dự … các cơ quan: A; B") is no task record;
# tables-30: a drawn grid whose header spans columns (a rule inside the header row) or whose body cell spans two is
# read by character positions (ingest.grid_spans): each column keeps its own header words and figures;
# tables-29: a table of figures whose row label gives its unit ("Học sinh … (lượt)") writes it after each figure;
# tables-28: a table set out with spaces whose rows drift from the header's columns read by their gaps; a "Công việc"
# column is the task's ("Mốc thời gian | Công việc | Đơn vị thực hiện");
# tables-27: a programme's table by the hour as one line per row under its day; a pipe table's cells wrapped onto the
# next lines under their own columns, a "---+---" rule between rows, the closing's column gaps not split inside a pipe
# row; numbers-12: a Party steering board's number ("09-KH/BCĐTTĐN"); about-26: its name wrapped over two emblem lines;
# signers-11: joint signature blocks with each head's body under the title ("GIÁM ĐỐC" / "SỞ NGOẠI VỤ"); clean-11:
# signature blocks side by side ("GIÁM ĐỐC | GIÁM ĐỐC", "(Đã ký) | (Đã ký)", the two names) are kept; titles-12: a
# portal's posting stamp after the headline ("… năm 2014 (28/03/2014 10:50:05 SA)") dates the page, not the title
# markup-1: a converter's Markdown and HTML taken out (emphasis, headings, images, comments, entities, HTML tables as
# pipe rows, a one-row layout table's cells as lines, a running footer with its page number); "Số ký hiệu" a field;
# titles-10: a title in capitals naming a plan by number, a mail's header fields no headline; about-24: a province no
# gazetteer knows named more than any known one; mentions-6: a date leading to a cited document ("Ngày 3-12-2008, tại
# Thông báo số …", "ngày 15/5/2029 Sở … đã có Công văn số …"), a signer in brackets ("(ký: …)"); tables-24: merged
# cells filled in read back as groups; signers-10: a page about a plan takes the signer it names beside its number;
# tables-26: a table exported one block of "Key: value" lines per row (empty cells keep their keys, a row count
# first, blocks back to back or between rules) is read as records; "Đơn vị tính kinh phí: …" gives the unit;
# about-25: a board a page's lead says issues the document ("Ban Chỉ đạo … vừa ban hành Kế hoạch …") is its issuer;
# mentions-7: a law library page's lists of related documents ("Văn bản sửa đổi, bổ sung:" …) give each entry's
# relation, date and signer; numbers-11: a number ends before " - Ban hành"; clean-10: a site's trail ending in the
# document's whole title is a trail; repair-16: a short line ending in a colon over a list's first item heads it;
# repair-15: a bracket's label left open at a line end ("(Chủ trì:") goes on with its value on the next line;
# markup-2: a Word draft's tracked changes and comments as pandoc writes them, its metadata block and escapes; tables-25:
# a grid of two columns holding the emblem header or the closing block read as lines;
# clean-9: the issuer's capitals right above a document's "Số:" line are its header even without the motto;
# clean-8: a seal read into the text ("ỦY BAN NHÂN DÂN" / "* TỈNH X *") no longer hides the signer's name under it;
# titles-11: a receiving office's stamp ("CÔNG VĂN ĐẾN") is no title
# repair-14: a quoted name left open at a line end goes on in the next; signers-9: a decision issuing a plan keeps its signer's office too; repair-13: the wrap width read from prose lines only (a table's rows aside), one line in four full makes a text hard-wrapped; a full line broken after a key ("năm 2029:" / "6.000 triệu đồng") and a long line cut before a figure ("… tổng" / "02 năm đạt …") join; clean-7: a dateline with a weekday by number ("Thứ 2, 28.09.2020 | 10:07:28") dates the page;
# signers-8: the office the signer signs in (signer_title); tables-23: a tab-copied table under "Đơn vị được giao" with its header wrapped, group rows with subtotals, "TỔNG CỘNG (I + II)" and the caption's unit; about-23: a unit under its department naming its province ("SỞ … / BẢO TÀNG TỈNH X"); assignments-6: deadlines written with hyphens or dots ("trước ngày 30-6-2027", "tháng 10-2027"); about-22: a number after its issuer in one cell ("Thủ tướng Chính phủ Số: 2013/QĐ-TTg"), a place-date after the motto run together; about-21: "ĐẢNG BỘ TỈNH X" over "TỈNH ỦY" issues as Tỉnh ủy X (a bare "TỈNH ỦY" takes no next line as its name); tables-22: a numbered table of words (a Phụ lục of partners) read row by row; sections-2: a "PHỤ LỤC I" heading set among the body's parts does not end the body; tables-21: a table by year with a column after the years (target); tables-20: a table of figures goes on past rows of one figure and a total row with an empty first cell; clean-6: "PHÓ BÍ THƯ THƯỜNG TRỰC" signs; tables-19: a web table copied one cell per line with groups, wrapped cells, "&nbsp;"; repair-12: superscript footnote marks and their notes; about-20: a body issuing under its own bracketed shorthand; assignments-5: a clause only naming partners or a time completes the task before it; tables-18: a spreadsheet copy's quoted cells over several lines; assignments-4: "Nhiệm vụ của các cơ quan, đơn vị" assigns; repair-10: a hard-wrapped text joins its full lines; numbers: "47-HD/BTGDVTU"; about: a commission under "TỈNH ỦY X"; tables-17: a table set out with spaces whose cells wrap; tables-16: a table copied one cell per line under "TT"; assignments-3: a clause opening with one of its heading's agencies is theirs alone; about-19: a Party bloc committee under its provincial Party body, a central commission under the Central Committee;
# signers-7: a page's unlabelled field list names the signer, a rector signs; clean-5: T/M, BÍ THƯ, HIỆU TRƯỞNG kept
# numbers-10: the Party's bloc committees, cadres and groups number documents ("14-NQ/ĐUK", "05-NQ/BCSĐ"); repair-9: a bracket closed on the next line joins it; repair-8: a name written as one word ("Titốp") is not split unless the text writes it apart; repair-7: "giai đoạn" / "nhiệm kỳ" at a line end go on; repair-6: a quoted name on the next line goes on the sentence; repair-5: a period broken after its dash ("2013 -" / "2020;") is one line; numbers-9: a decision whose page lost its
# number takes it from the plan it issues ("(kèm theo Quyết định số 2112/QĐ-UBND …)" after the signature)
# titles-9: a paper's tag with a digit ("(VOV5) -") opens no lead title; titles-8: a capital after a label ("Ngày 23/8: Chương trình …") names no document; "Theo đó," opens no lead title
# numbers-6: the Party's central commissions (BTGTW, BĐNTW…) issue national documents; titles-6: a document cited by a
# bare number ("Kết luận số 16 về …") is no page's title; clean-4: a page reader's toolbar is chrome; fonts-2: a line
# holding Unicode-only Vietnamese letters is never read as a legacy font; tables-14: rows under a numbered row and a
# total in the second cell; figures by year set out with spaces, a unit column, an estimated year, a merged year
# column; signers-5: a text two bodies issue is signed by both heads; mentions-4: "thay thế Quy chế phối hợp số …";
# mentions-5: the Party's commissions and the Government Office by their codes; titles-7: "CHƯƠNG TRÌNH Hành động …"
# on one line; numbers-7: a text issued "theo Quyết định số …" takes the number its page label spells, and its date;
# tables-15, signers-6: signature blocks side by side above "Nơi nhận" (an appendix after) end in names side by side;
# about-18: "UBND TỈNH X - SỞ NGOẠI VỤ" is the department under X; numbers-8: "CTrPH" is a Chương trình phối hợp
# about-17, numbers-4: a text issued with a decision takes the decision's number and its lone committee line as its
# header; a hyphen goes on with a name of two words or more; a foreign country counts as the family's wording;
# tables-13: semicolon rows from a spreadsheet; a task row says every column, not only those with a task role;
# clean-3: a row of account links ("Đăng ký …|Đăng nhập") and a "Logo" line are portal chrome; numbers-5: "BB" is a
# Biên bản, "TTr" a Tờ trình
# mentions-2: a document named by title and dated by its passive issuing clause; mentions-3: ", ngày D, X ban hành Y"
# dates Y, not the number before it; signers-2: a degree or rank before the name ("PGS.TS. Tạ Minh Luân")
# about-7: a portal banner names the page's province; a name after "Phó Chủ tịch UBND tỉnh" is a person, not a place; about-8: an
# emblem with blank lines between its lines, a national mass organisation ("ĐOÀN TNCS HỒ CHÍ MINH" / "BAN CHẤP HÀNH TRUNG ƯƠNG")
# signers-3, clean-2: "BỘ TRƯỞNG, CHỦ NHIỆM" and other heads sign; an emblem name or dateline broken over two lines
# is kept whole; titles-2: a letter's "V/v …" line is its title; "Số hiệu:33/2010/QĐ-TTg" is its own number
# about-2: columns on shared lines, lead titles
# about-3: emblems over several lines (a ministry, a ward, a national body), the Party's motto; about-4: a city committee
# under its province's line, an organ line under a national body, fields glued to their values; about-5: a district
# committee named in a page ("Ủy ban nhân dân huyện Dầu Tiếng"); about-6: a named committee over a bare one
# sentences-2: a stop after an abbreviation ("TP.", "No.") does not end the sentence; numbers-2: "186-KH-UBND"
# agencies-2: a name ends before "giao", "gửi", "ký"; "Hợp tác quốc tế", "Giao lưu văn hóa" whole; agencies-3: "Phòng …"
# tables-3: tab-separated tables (cells wrapped onto the next line joined by column); figures by year as sentences
# tables-4: figures by year lined up with spaces; about-9: a dash rule between a header's cells ends the province; tables-5: a
# row's unit written after each of its figures ("148,2 nghìn lượt")
# repair-2: a header's name broken between lines in capitals ("UBND TỈNH TÙNG" / "LÂM") joined where the text writes it
# whole; about-10: a parent body over the issuing one ("ỦY BAN MTTQ … TỈNH X" / "LIÊN HIỆP … TỈNH"), a department as the
# text spells it; tables-6: lines only indented with tabs (a signature block) are no table
# repair-4: the national motto is never joined to the next line in capitals ("… VIỆT NAM" / "ĐẶC KHU HÒN SƯƠNG")
# repair-3: a line ending with a word that never ends a sentence ("kể từ ngày") goes on in the next whatever its case, and
# a kind before its quoted name ("Phê duyệt Đề án" / "“Phát huy …”"); about-11: "TỈNH" and its place on one line only
# (the authority line "ỦY BAN NHÂN DÂN TỈNH" over "Căn cứ …" names no place); titles-3: a photo's caption is no title
# tables-7: a grid drawn with box lines or "+---+" rules read as pipe rows (wrapped cells joined); a year table's total column
# about-12: a ministry by its acronym issuing in a page's lead ("Bộ VHTTDL đã ban hành Kế hoạch …")
# tables-8: the closing block's two columns set side by side with spaces ("Nơi nhận:" | "TM. ỦY BAN NHÂN DÂN") unzipped
# about-13: a foreign ministry issues no page's text; a person's name after a district's is no part of it ("huyện Hòa
# Vang Phan …"); titles-4: "… . Ảnh: X/TTXVN" is a caption
# tables-9: a task table's subtotal rows ("Cộng năm 2029 | … | 11.700") as sentences; a "Năm" column is the task's time;
# a header's unit ("Kinh phí (triệu đồng)") written after each value
# about-15: a page whose committee is "UBND tỉnh" alone takes its province from the file's name, the last resort
# about-14: a body under its province's committee ("UBND TỈNH X" / "TRƯỜNG ĐẠI HỌC X") issues; two header columns
# interleaved line by line ("ỦY BAN NHÂN DÂN" / "CỘNG HÒA …" / "ĐẶC KHU HÒN SƯƠNG")
# signers-4: "T/M BAN THƯỜNG VỤ"; a title glued after a "Nơi nhận" item's comma; signature blocks set side by side
# with spaces are cells
# about-16: a provincial Party committee's emblem ("TỈNH ỦY X" beside "ĐẢNG CỘNG SẢN VIỆT NAM"); a header's columns
# set apart with spaces are cells; titles-5: a note in brackets and the Party's motto are no headline
# numbers-3: the Government's numbers before 2000 ("304-CP", "150-TTg", "102-SL/L4")
# tables-12: any other table of figures (a Markdown or bare-pipe comparison "6 tháng 2027 | 6 tháng 2028 | So sánh (%)")
# read row by row as its label, each column's header with the figure and the row's unit
# tables-11: a caption set right with tabs heads no column; a row without its first cell that fills most columns is a
# row ("Tổng cộng"); a table by year may have a "TT" column before its label; "Đơn vị tính: …" over it is each figure's
# tables-10: records written as blocks of "Key: value" lines (the same keys in each) read as rows: a task table's as
# task records, any other's as one line per record
# agencies-5: an adverb ("đã", "sẽ", "vừa") ends a name ("Bộ VHTDL đã ban hành"); agencies-4: a body named by its place alone ("Công an đặc khu Hòn Sương", "Công an xã")
# tables-2: an activity named "Hoạt động N." keeps every labelled line (Địa điểm, Nội dung between the others)
VIETNAMESE_SHARE = 0.15  # of words with a diacritic; unaccented Vietnamese typed by hand is rarer in documents
FOREIGN_LANGUAGE = ("mostly not Vietnamese: kept because it names a Vietnamese document by number; answers "
                    "quote it as written")
UNSURE_FAMILY = ("few administrative or foreign-affairs words: check that this page belongs here "
                 "(it is answerable like any other)")


def load_plan(path: Path, max_chars: int = 1000, ocr_cache: OcrCache | None = None) -> Plan:
    """Read one file and turn it into a finished Plan; IngestError says why a file is not one.

    `ocr_cache`: scanned pages read before are taken from it (the shell passes one under the data folder)."""
    raw = read_document(path, ocr_cache)
    text = clean_text(repair_text(raw.text).text)
    check_plan_text(text, raw.source)
    plan = build_plan(text, raw.source, max_chars=max_chars)
    if raw.ocr is not None:
        plan.meta.ocr_pages = raw.ocr.page_numbers
        plan.meta.ocr_confidence = raw.ocr.confidence
        plan.meta.ocr_low_pages = raw.ocr.low_pages
        plan.ocr_cached_pages = raw.ocr.cached_pages
    plan.warnings = reading_warnings(plan, raw.legacy_encoding)
    return plan.finalize(PIPELINE_VERSION)


def reading_warnings(plan: Plan, legacy_encoding: str | None = None) -> list[str]:
    """What the ingest table flags: a text-quality figure under QUALITY_WARNING, OCR pages read badly,
    a legacy font encoding converted (`legacy_encoding`, known only while the file is read)."""
    warnings = []
    quality = plan.meta.quality
    foreign = not mostly_vietnamese(plan.text)  # its words are not damaged Vietnamese, nor is its wording ours
    if foreign:
        warnings.append(FOREIGN_LANGUAGE)
    elif quality is not None and quality < QUALITY_WARNING:
        examples = ", ".join(f"'{w}'" for w in bad_words(plan.text))
        warnings.append(f"text quality {quality:.2f} < {QUALITY_WARNING}: damaged words such as {examples}")
    if plan.meta.ocr_low_pages:
        pages = ", ".join(str(p) for p in plan.meta.ocr_low_pages)
        warnings.append(f"OCR confidence under {OCR_CONFIDENCE_FLOOR:.0f} on page(s) {pages}: check the scan")
    if legacy_encoding:
        warnings.append(f"converted from legacy {legacy_encoding.upper()} font encoding; check the text")
    if len(plan.text.strip()) < SHORT_TEXT_CHARS:
        warnings.append(f"a short text ({len(plan.text.strip())} characters): a page's excerpt, or a document cut off?")
    if not foreign and belonging(plan.text) == "unsure":
        warnings.append(UNSURE_FAMILY)
    return warnings


def build_plan(text: str, source: str, meta: PlanMeta | None = None, max_chars: int = 1000) -> Plan:
    """Cleaned text → Plan. Also used by `ngvh reindex`, which starts from the stored texts."""
    text = member_roles(linearize_tables(vi.normalize(text)))  # task tables read as one sentence per row; a member's role on her line
    meta = meta or extract_metadata(text, source)
    if meta.quality is None:
        meta.quality = text_quality(text)
    split = carried_plan_start(text)  # a decision that issues a plan: the plan's sections read as a plan
    root = parse_sections(text) if split is None else decision_sections(text, split)
    if not meta.mentions:  # a stored entry's metadata comes without them (they are kept beside the text)
        meta.mentions = [m.to_dict() for m in extract_mentions(text, meta.known_numbers())]
    for mention in meta.mentions:
        mention["section"] = path_at(root, mention["start"])
    chunks = chunk_plan(text, root, meta.title, source, max_chars=max_chars)
    if not chunks:
        raise IngestError(source, "no text left to index after cleaning")
    plan = Plan(id=plan_identity(meta, text), meta=meta, text=text, source=source, sections=root, chunks=chunks)
    plan.assignments = date_assignments(extract_assignments(text, root), meta.date)
    return plan.finalize(PIPELINE_VERSION)


def mostly_vietnamese(text: str) -> bool:
    words = vi.syllables(text)
    return not words or sum(1 for w in words if vi.has_diacritics(w)) / len(words) >= VIETNAMESE_SHARE


def check_plan_text(text: str, source: str) -> None:
    """Refuse what is plainly not ours: empty, too short, not Vietnamese, no word of the family at all."""
    stripped = text.strip()
    if not stripped:
        raise IngestError(source, "the file is empty (no text after removing web-page boilerplate)")
    if len(stripped) < MIN_PLAN_CHARS:
        raise IngestError(source, f"too short to be a plan ({len(stripped)} characters of text)")
    if not mostly_vietnamese(stripped):
        # a page in another language is kept when it reports a Vietnamese document by its number
        # ("Plan No. 147/KH-UBND"): provinces publish English versions of their news (reading_warnings);
        # the family test reads Vietnamese wording, so it does not apply
        if not find_numbers(stripped):
            raise OutOfScope(source, "not Vietnamese text: ngvh ingests Vietnamese plans and articles about "
                                      "them (or pages in another language that name one by its number)")
    # an unsure text is taken, with a warning (reading_warnings); so is a numbered document whose wording the family
    # test does not read ("No: 210/QD-TTg … DECISION approving cultural strategy …": a translation)
    elif belonging(stripped) == "no" and not find_numbers(stripped[:NUMBERED_HEAD]):
        raise OutOfScope(source, "does not look like a plan or a foreign-affairs page "
                                  "(no administrative or foreign-affairs wording at all)")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", vi.fold(text)).strip("-")


def plan_identity(meta: PlanMeta, text: str) -> str:
    """Number + issuer when known (an amended plan replaces its old version), else a content hash.

    A news article about a plan is a different source from the plan's full text, so it gets its own
    identity: ingesting both keeps both.
    """
    owner = meta.province or meta.issuer
    if meta.number and owner:
        ident = _slug(f"{meta.number} {owner}")
        return ident + ("-tin" if meta.source_kind == "news" else "")
    digest = hashlib.sha256(vi.collapse(text).encode("utf-8")).hexdigest()[:16]
    return f"doc-{digest}"
