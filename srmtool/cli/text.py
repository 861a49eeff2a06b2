"""Every sentence the command line prints, in Thai and English, except those the editor shows too
(why an export could not be written: ``srmtool.export.messages``).

``say(lang, key, **values)`` gives the sentence for ``lang`` ("th" or "en") with ``values`` filled in.
Keys missing from one language are a bug; ``tests/cli`` checks both languages hold the same keys.
"""

from __future__ import annotations

from typing import Final

TEXT: Final[dict[str, tuple[str, str]]] = {
    # key: (Thai, English)
    "description": (
        "srmtool — สร้างและตรวจแผนที่ทางเดินยุทธศาสตร์ (SRM) และตาราง Mini SLM 11 ช่อง (ไฟล์ .srm)",
        "srmtool — build and check Strategic Route Maps (SRM) and the Mini SLM 11-column table (.srm files)",
    ),
    "epilog": (
        "รหัสออก: 0 = เรียบร้อย, 1 = พบข้อผิดพลาดในแผนที่ (check), 2 = อ่านไฟล์ไม่ได้หรือคำสั่งไม่ถูกต้อง\n"
        "ภาษา: ไทยเมื่อระบบตั้งภาษาไทย อังกฤษเมื่อไม่ใช่ เลือกเองได้ด้วย --lang th|en",
        "Exit status: 0 = fine, 1 = the map has errors (check), 2 = a file cannot be read or bad usage.\n"
        "Language: Thai on a Thai locale, English otherwise; choose with --lang th|en.",
    ),
    "usage_prefix": ("วิธีใช้: ", "usage: "),
    "commands_title": ("คำสั่ง", "commands"),
    "options_title": ("ตัวเลือก", "options"),
    "arguments_title": ("อาร์กิวเมนต์", "arguments"),
    "help_help": ("แสดงวิธีใช้นี้แล้วจบ", "show this help and exit"),
    "help_version": ("แสดงรุ่นของโปรแกรมแล้วจบ", "show the program's version and exit"),
    "help_lang": ("ภาษาของข้อความ: th (ไทย) หรือ en (อังกฤษ)", "language of the messages: th or en"),
    "help_open_file": (
        "ไฟล์ .srm ที่จะเปิดในโปรแกรมแก้ไขแผนที่",
        "a .srm file to open in the map editor",
    ),
    "help_check": (
        "ตรวจแผนที่: วงวน ลูกศรชี้ลง เป้าประสงค์ที่ไม่เชื่อมถึงระดับประชาชน รหัสซ้ำ การอ้างอิงที่หาไม่พบ ฯลฯ",
        "check maps: loops, downward links, objectives leading nowhere, duplicate codes, broken references",
    ),
    "help_check_files": ("ไฟล์ .srm หนึ่งไฟล์หรือมากกว่า", "one or more .srm files"),
    "help_json": (
        "พิมพ์ผลเป็นเอกสาร JSON เดียว (สำหรับสคริปต์)",
        "print the result as one JSON document (for scripts)",
    ),
    "help_info": ("สรุปเนื้อหาของแผนที่", "summarise a map"),
    "help_info_file": ("ไฟล์ .srm", "a .srm file"),
    "help_new": (
        "สร้างแผนที่ใหม่ที่มีสี่ระดับและตารางเปล่า",
        "create a new map with the four levels and an empty table",
    ),
    "help_new_file": ("ไฟล์ .srm ที่จะสร้าง", "the .srm file to create"),
    "help_template": (
        "ชุดคอลัมน์ของตาราง: mini_slm_11 (ตาราง 11 ช่อง ค่าเริ่มต้น) หรือ action_plan (แผนปฏิบัติการอำเภอ)",
        "table columns: mini_slm_11 (the 11-column table, default) or action_plan (district action plan)",
    ),
    "help_title": ("ชื่อแผนที่ (ค่าเริ่มต้น: ชื่อไฟล์)", "the map's title (default: the file name)"),
    "help_force": ("เขียนทับไฟล์ที่มีอยู่แล้ว", "overwrite an existing file"),
    # -- serve --------------------------------------------------------------------------------
    "help_serve": (
        "เปิดห้องแก้ไขแผนที่ร่วมกันบนเครือข่ายในห้องประชุม (ไม่มีหน้าต่าง)",
        "host a room for editing a map together on the venue's network (no window)",
    ),
    "help_serve_long": (
        "เปิดห้องแก้ไขแผนที่ร่วมกันบนเครือข่ายในห้องประชุม เครื่องอื่นเข้าร่วมได้จาก ไฟล์ → เข้าร่วมห้อง… "
        "ด้วยรหัสห้องที่แสดง ทุกการแก้ไขถูกบันทึกลงไฟล์แผนที่โดยอัตโนมัติ กด Ctrl+C เพื่อปิดห้อง",
        "host a room for editing a map together on the venue's network; laptops join from "
        "File → Join a Session… with the room code printed here; every change is saved into the map "
        "file as it happens; Ctrl+C closes the room",
    ),
    "help_serve_file": (
        "ไฟล์ .srm ที่จะแก้ไขร่วมกัน (ไฟล์หลักของห้อง)",
        "the .srm file to edit together (the file of record)",
    ),
    "help_serve_port": (
        "พอร์ตที่รอรับการเชื่อมต่อ (ค่าเริ่มต้น 8765; 0 = เลือกให้)",
        "the port to listen on (default 8765; 0 = any)",
    ),
    "help_serve_code": ("รหัสห้อง (ค่าเริ่มต้น: สุ่มให้ 6 ตัว)", "the room code (default: 6 random letters)"),
    "help_serve_host": (
        "ที่อยู่ของเครื่องนี้ที่จะรอรับ (ใส่ได้หลายครั้ง ค่าเริ่มต้น: ทุกที่อยู่ในเครือข่ายท้องถิ่นและ 127.0.0.1)",
        "an address of this machine to listen on (repeat it; default: every local-network address"
        " and 127.0.0.1)",
    ),
    "help_serve_no_announce": (
        "ไม่ประกาศห้องบนเครือข่าย (mDNS)",
        "do not announce the room on the network (mDNS)",
    ),
    "serve_bad_code": (
        "รหัสห้องต้องเป็นตัวอักษรหรือตัวเลข 4 ถึง 32 ตัว",
        "the room code must be 4 to 32 letters or digits",
    ),
    "serve_bad_port": ("พอร์ต {port} ใช้ไม่ได้ (0 ถึง 65535)", "port {port} cannot be used (0 to 65535)"),
    "serve_cannot_listen": (
        "เปิดห้องที่พอร์ต {port} ไม่ได้ ({reason}) ลองใช้ --port อื่น",
        "cannot open the room on port {port} ({reason}); try another --port",
    ),
    "serve_open": (
        "เปิดห้องสำหรับ {path} แล้ว — รหัสห้อง: {code}\nเครื่องอื่นเข้าร่วมได้จาก ไฟล์ → เข้าร่วมห้อง… ที่:",
        "the room for {path} is open — room code: {code}\nlaptops join from File → Join a Session… at:",
    ),
    "serve_count": ("เครื่องที่เชื่อมต่ออยู่: {count}", "laptops connected: {count}"),
    "serve_closed": ("ปิดห้องแล้ว แผนที่บันทึกอยู่ใน {path}", "the room is closed; the map is saved in {path}"),
    # -- errors -------------------------------------------------------------------------------
    "usage_error": ("คำสั่งไม่ถูกต้อง: {detail}", "bad usage: {detail}"),
    "see_help": ("ดูวิธีใช้: srmtool --help", "see: srmtool --help"),
    "os_error": ("อ่านหรือเขียนไฟล์ไม่ได้ ({reason})", "cannot read or write the file ({reason})"),
    "unexpected_file_error": (
        "อ่านไฟล์ไม่ได้เพราะเกิดข้อผิดพลาดที่ไม่คาดคิด ({reason})",
        "cannot read the file because of an unexpected error ({reason})",
    ),
    "internal_error": (
        "srmtool: เกิดข้อผิดพลาดภายในโปรแกรม ({reason}) โปรดแจ้งผู้ดูแลพร้อมคำสั่งที่ใช้",
        "srmtool: internal error ({reason}); please report it with the command you ran",
    ),
    "interrupted": ("srmtool: ยกเลิกแล้ว", "srmtool: interrupted"),
    "exists": (
        "{path}: มีไฟล์นี้อยู่แล้ว จะไม่เขียนทับ (ใช้ --force ถ้าต้องการเขียนทับ)",
        "{path}: the file already exists and was not overwritten (use --force to overwrite it)",
    ),
    "unknown_template": (
        "ไม่มีแม่แบบตาราง {template} (มี: {known})",
        "no table template {template} (available: {known})",
    ),
    # -- check --------------------------------------------------------------------------------
    "severity_error": ("ข้อผิดพลาด", "error"),
    "severity_warning": ("คำเตือน", "warning"),
    "severity_info": ("ข้อสังเกต", "info"),
    "no_findings": ("{path}: ไม่พบปัญหา", "{path}: no findings"),
    "findings_summary": (
        "{path}: ข้อผิดพลาด {errors} · คำเตือน {warnings} · ข้อสังเกต {infos}",
        "{path}: {errors} error(s), {warnings} warning(s), {infos} note(s)",
    ),
    "check_total": (
        "ตรวจ {files} ไฟล์: อ่านไม่ได้ {unreadable} · มีข้อผิดพลาด {with_errors}",
        "checked {files} file(s): {unreadable} unreadable, {with_errors} with errors",
    ),
    # -- info ---------------------------------------------------------------------------------
    "info_file": ("ไฟล์", "File"),
    "info_title": ("ชื่อแผนที่", "Title"),
    "info_organization": ("หน่วยงาน", "Organisation"),
    "info_area": ("พื้นที่", "Area"),
    "info_period": ("ช่วงเวลา", "Period"),
    "info_destination": ("จุดหมายปลายทาง", "Destination"),
    "info_objectives": ("เป้าประสงค์", "Objectives"),
    "info_links": ("ลูกศรเชื่อม", "Links"),
    "info_stakeholders": ("ภาคีเครือข่าย", "Stakeholders"),
    "info_table": ("ตาราง", "Table"),
    "info_table_value": ("{rows} แถว × {columns} คอลัมน์", "{rows} row(s) × {columns} column(s)"),
    "info_key_route": ("เส้นทางหลัก", "Key route"),
    "info_none": ("(ไม่มี)", "(none)"),
    "info_empty": ("(ว่าง)", "(empty)"),
    "info_modified": ("แก้ไขล่าสุด", "Modified"),
    # -- new ----------------------------------------------------------------------------------
    "created": (
        "สร้าง {path} แล้ว (ตาราง: {template})",
        "created {path} (table: {template})",
    ),
    # -- export -------------------------------------------------------------------------------
    "help_export": (
        "ส่งออกแผนที่และตาราง 11 ช่องเป็น Excel, PDF, PNG หรือ SVG",
        "export the map and its 11-column table as Excel, PDF, PNG or SVG",
    ),
    "help_export_long": (
        "ส่งออกแผนที่และตาราง 11 ช่อง ถ้าไม่ระบุ --xlsx/--pdf/--png/--svg\n"
        "จะเขียน FILE.xlsx และ FILE.pdf ไว้ข้างไฟล์ต้นฉบับ\n"
        "ไฟล์ที่ได้จะสมบูรณ์ทั้งไฟล์ หรือไม่ถูกเขียนเลย",
        "Export the map and its 11-column table. Without --xlsx/--pdf/--png/--svg,\n"
        "FILE.xlsx and FILE.pdf are written beside FILE.\n"
        "Each output is written whole or not at all.",
    ),
    "help_export_file": ("ไฟล์ .srm ที่จะส่งออก", "the .srm file to export"),
    "help_export_xlsx": ("เขียนไฟล์ Excel (.xlsx) ที่ OUT", "write an Excel workbook (.xlsx) to OUT"),
    "help_export_pdf": ("เขียนไฟล์ PDF ที่ OUT", "write a PDF to OUT"),
    "help_export_png": ("เขียนภาพแผนที่ (PNG) ที่ OUT", "write a picture of the map (PNG) to OUT"),
    "help_export_svg": (
        "เขียนภาพแผนที่แบบเวกเตอร์ (SVG) ที่ OUT",
        "write the map as a vector picture (SVG) to OUT",
    ),
    "help_paper": (
        "ขนาดกระดาษ A4 (ค่าเริ่มต้น) หรือ A3 แนวนอน สำหรับ Excel และ PDF",
        "paper size for Excel and PDF: A4 (default) or A3, landscape",
    ),
    "help_thai_digits": (
        "พิมพ์ตัวเลขเป็นเลขไทย (๑๒๓) ใน Excel จำนวนเงินจะเป็นข้อความ ไม่ใช่ตัวเลขที่คำนวณได้",
        "print digits as Thai digits; in Excel the amounts then become text, not numbers",
    ),
    "help_font": (
        "แบบอักษรในไฟล์ Excel (ค่าเริ่มต้น TH SarabunPSK) PDF ใช้แบบอักษร Sarabun ที่มากับโปรแกรมเสมอ",
        "font of the Excel cells (default TH SarabunPSK); the PDF always uses the bundled Sarabun font",
    ),
    "help_font_size": (
        "ขนาดตัวอักษรของตาราง เป็นพอยต์แบบ TH Sarabun (ค่าเริ่มต้น Excel 16 PDF 14)",
        "table text size in TH Sarabun points (default: Excel 16, PDF 14)",
    ),
    "help_signature": (
        'ช่องลงนามท้ายตารางใน PDF: บทบาท ชื่อ ตำแหน่ง เช่น ผู้เสนอแผน "นางสาวสมใจ ใจดี" "ผอ.รพ.สต."'
        " ใช้ซ้ำได้ ถ้าไม่ระบุจะพิมพ์ช่องว่างของผู้เสนอแผนและผู้อนุมัติแผน",
        'a signature block under the PDF table: ROLE NAME POSITION, e.g. Proposer "Somjai Jaidee"'
        ' "Director"; repeat for more; without it, blank proposer and approver blocks are printed',
    ),
    "help_no_signatures": ("ไม่พิมพ์ช่องลงนามใน PDF", "print no signature blocks in the PDF"),
    "export_bad_font_size": (
        "ขนาดตัวอักษร {size} ใช้ไม่ได้ ต้องอยู่ระหว่าง 6 ถึง 48",
        "font size {size} cannot be used: it must be between 6 and 48",
    ),
    "export_written": ("เขียน {path} แล้ว", "wrote {path}"),
    # -- import -------------------------------------------------------------------------------
    "help_import": (
        "นำเข้าตาราง 11 ช่องหรือแผนปฏิบัติการจาก Excel (.xlsx) เป็นแผนที่ใหม่",
        "import an 11-column table or action plan from Excel (.xlsx) as a new map",
    ),
    "help_import_long": (
        "นำเข้าตาราง 11 ช่องหรือแผนปฏิบัติการที่พิมพ์ไว้ใน Excel เป็นแผนที่ใหม่ (.srm)\n"
        "เป้าประสงค์มาจากคอลัมน์เป้าประสงค์ แล้วแสดงว่าหัวคอลัมน์ใดตรงกับคอลัมน์ใดและข้ามแถวใด",
        "Import an 11-column table or action plan typed into Excel as a new map (.srm).\n"
        "Objectives come from the objective column; a report says which heading went to which\n"
        "column and which rows were skipped.",
    ),
    "help_import_file": ("ไฟล์ Excel (.xlsx) ที่จะนำเข้า", "the Excel workbook (.xlsx) to import"),
    "help_import_output": ("ไฟล์แผนที่ .srm ที่จะสร้าง", "the .srm map file to create"),
    "help_import_sheet": (
        "ชื่อแผ่นงานที่มีตาราง (ค่าเริ่มต้น: เลือกแผ่นงานที่มีหัวตารางให้เอง)",
        "the sheet holding the table (default: the sheet whose headings look like a table)",
    ),
    "import_written": ("เขียน {path} แล้ว", "wrote {path}"),
    "import_nothing_written": ("ไม่ได้เขียนไฟล์ใด", "nothing was written"),
    "import_same_file": (
        "{path}: ไฟล์ผลลัพธ์ต้องไม่ใช่ไฟล์ Excel ต้นฉบับ",
        "{path}: the output must not be the Excel file being imported",
    ),
    # -- report -------------------------------------------------------------------------------
    "help_report": (
        "รายงานความก้าวหน้าตามแผนของรอบการรายงาน (PDF, Excel) แบบฟอร์มรายงานผล และการรวบรวมแบบฟอร์มที่กรอกแล้ว",
        "progress report of a reporting period (PDF, Excel), fill-in forms, and collecting filled forms",
    ),
    "help_report_long": (
        "พิมพ์สรุปผลของรอบการรายงาน แล้วเขียนรายงานความก้าวหน้า (--pdf, --xlsx) หรือแบบฟอร์มให้พื้นที่กรอก (--form)\n"
        "--collect อ่านแบบฟอร์มที่กรอกแล้วกลับเข้าแผนที่ บอกว่าเปลี่ยนอะไร และบันทึกแผนที่ (ที่ -o หรือทับ FILE)\n"
        "รหัสออก: 0 = เรียบร้อย, 1 = ทำแล้วแต่มีบางส่วนที่ไม่ได้นำเข้า (แบบฟอร์มที่ถูกปฏิเสธ สูตร ค่าที่อ่านไม่ได้),\n"
        "2 = ทำไม่ได้ (อ่านไฟล์ไม่ได้ รอบการรายงานไม่ถูกต้อง เขียนไฟล์ไม่ได้ หรือทุกแบบฟอร์มถูกปฏิเสธ)",
        "Print a summary of the period, then write the progress report (--pdf, --xlsx) or a form for\n"
        "the field to fill in (--form). --collect reads filled forms back into the map, says what they\n"
        "change and saves the map (to -o, or over FILE). Exit status: 0 = done, 1 = done but something\n"
        "was left out (a refused form, a formula, a value that cannot be read), 2 = nothing could be done\n"
        "(FILE unreadable, a bad period, an output that cannot be written, every form refused).",
    ),
    "help_report_file": ("ไฟล์แผนที่ .srm", "the .srm map file"),
    "help_report_period": (
        "รอบการรายงาน เช่น 2568-Q1, ไตรมาส 2/2568, Q3, 6 เดือน (ค่าเริ่มต้น: รอบที่เพิ่งสิ้นสุด)",
        "the reporting period, such as 2568-Q1, Q3, 2/2568, M6 (default: the one that ended last)",
    ),
    "help_report_pdf": ("เขียนรายงานความก้าวหน้าเป็น PDF ที่ OUT", "write the progress report as a PDF to OUT"),
    "help_report_xlsx": ("เขียนรายงานความก้าวหน้าเป็น Excel ที่ OUT", "write the progress report as Excel to OUT"),
    "help_report_form": (
        "เขียนแบบฟอร์มรายงานผล (Excel) ให้พื้นที่กรอก ที่ OUT.xlsx",
        "write a fill-in progress form (Excel) for the field to OUT.xlsx",
    ),
    "help_report_collect": (
        "อ่านแบบฟอร์มที่กรอกแล้ว (หนึ่งไฟล์หรือมากกว่า) กลับเข้าแผนที่",
        "read filled forms (one or more) back into the map",
    ),
    "help_report_output": (
        "บันทึกแผนที่ที่รวบรวมผลแล้วเป็นไฟล์นี้ (ค่าเริ่มต้น: ทับ FILE โดยเก็บฉบับเดิมไว้เป็น FILE.bak)",
        "save the map with the collected results here (default: over FILE, keeping FILE.bak)",
    ),
    "report_bad_period": (
        "“{period}” ไม่ใช่รอบการรายงาน (เช่น 2568-Q1, ไตรมาส 2/2568, Q3, 6 เดือน)",
        "“{period}” is not a reporting period (such as 2568-Q1, Q3, 2/2568, M6)",
    ),
    "report_output_without_collect": (
        "-o ใช้คู่กับ --collect เท่านั้น (เป็นไฟล์ที่บันทึกผลที่รวบรวมได้)",
        "-o goes with --collect only (it is where the collected results are saved)",
    ),
    "report_period": ("รอบการรายงาน {period} ({span})", "reporting period {period} ({span})"),
    "report_counts": ("กิจกรรม {rows} รายการ: {states}", "{rows} activities: {states}"),
    "report_budget": (
        "งบประมาณ {budget} บาท ใช้ไปแล้ว {spent} บาท (ร้อยละ {share})",
        "budget {budget} baht, spent {spent} baht ({share}%)",
    ),
    "collect_refused": ("ไม่ได้นำเข้าแบบฟอร์มนี้", "this form was not read in"),
    "collect_bad_value": (
        "{name}: ไม่ได้นำเข้าแบบฟอร์มนี้ เพราะมีค่าที่แผนที่เก็บไม่ได้ ({reason})",
        "{name}: this form was not read in: it holds a value the map cannot keep ({reason})",
    ),
    "collect_formula": (
        "{name} {cell}: เป็นสูตร ไม่ได้นำเข้า (รับเฉพาะค่าที่พิมพ์ไว้ โปรดพิมพ์ตัวเลขหรือข้อความแทนสูตร)",
        "{name} {cell}: a formula, left out (values only: type the number or text instead)",
    ),
    "collect_unread": ("{name} {cell}: ไม่ได้นำเข้า ({reason})", "{name} {cell}: left out ({reason})"),
    "collect_nothing": (
        "ไม่มีแบบฟอร์มใดอ่านได้ ไม่ได้เปลี่ยนแปลงแผนที่",
        "no form could be read; the map is unchanged",
    ),
    "collect_no_changes": (
        "แบบฟอร์มไม่มีสิ่งใดเปลี่ยนจากที่แผนที่มีอยู่ ไม่ได้บันทึกแผนที่",
        "the forms change nothing the map holds; the map was not saved",
    ),
    "collect_saved": ("บันทึก {path} แล้ว (เปลี่ยน {changes} รายการ)", "saved {path} ({changes} change(s))"),
    "collect_form": ("{name}: เปลี่ยน {changes} รายการ", "{name}: {changes} change(s)"),
    "collect_form_same": ("{name}: ไม่มีสิ่งใดเปลี่ยน", "{name}: no changes"),
    "collect_done": ("ทำแล้ว", "done"),
    "collect_not_done": ("ยังไม่ได้ทำ", "not done"),
    "collect_field_status": ("สถานะ", "status"),
    "collect_field_result": ("ผลการดำเนินงาน", "result"),
    "collect_field_value": ("ผลเป็นตัวเลข", "value"),
    "collect_field_spent": ("ใช้ไปแล้ว", "spent"),
    "collect_field_note": ("หมายเหตุ", "note"),
    "collect_field_by": ("ผู้รายงาน", "reported by"),
    "collect_field_at": ("วันที่รายงาน", "reported on"),
    "collect_field_done": ("ขั้นความสำเร็จ", "milestone"),
    # -- editor -------------------------------------------------------------------------------
    "no_display": (
        "srmtool: เปิดหน้าต่างโปรแกรมแก้ไขแผนที่ไม่ได้ เพราะไม่มีจอภาพ (ไม่ได้ตั้ง DISPLAY หรือ WAYLAND_DISPLAY)"
        " งานที่ไม่ต้องใช้หน้าต่างใช้คำสั่ง srmtool check, info, new หรือ export ได้",
        "srmtool: cannot open the map editor window: there is no display (neither DISPLAY nor"
        " WAYLAND_DISPLAY is set); srmtool check, info, new and export work without one",
    ),
}


def say(lang: str, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang`` (Thai for "th", English otherwise), with ``values`` filled in."""
    th, en = TEXT[key]
    template = th if lang == "th" else en
    return template.format(**values) if values else template
