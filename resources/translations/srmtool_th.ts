<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New</source>
        <translation>สร้างใหม่(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new, empty map</source>
        <translation>เริ่มแผนที่ใหม่ที่ว่างเปล่า</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>เปิด(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a map file (.srm)</source>
        <translation>เปิดไฟล์แผนที่ (.srm)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>บันทึก(&amp;S)</translation>
    </message>
    <message>
        <source>Save the map</source>
        <translation>บันทึกแผนที่</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>บันทึกเป็น(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the map under a new name</source>
        <translation>บันทึกแผนที่เป็นชื่อใหม่</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>สร้างใหม่จากแม่แบบ(&amp;T)…</translation>
    </message>
    <message>
        <source>Start a new map with a chosen set of table columns</source>
        <translation>เริ่มแผนที่ใหม่ด้วยชุดคอลัมน์ตารางที่เลือก</translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>บันทึกสำเนา(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the map as it is now into another file, and go on here</source>
        <translation>บันทึกแผนที่ตามที่เป็นอยู่ตอนนี้ลงอีกไฟล์หนึ่ง แล้วทำงานต่อที่นี่</translation>
    </message>
    <message>
        <source>S&amp;hare in the Room…</source>
        <translation>แบ่งปันในห้องประชุม(&amp;H)…</translation>
    </message>
    <message>
        <source>Let the laptops in the room edit this map together with you</source>
        <translation>ให้คอมพิวเตอร์เครื่องอื่นในห้องแก้ไขแผนที่นี้ร่วมกับคุณ</translation>
    </message>
    <message>
        <source>&amp;Join a Session…</source>
        <translation>เข้าร่วมห้อง(&amp;J)…</translation>
    </message>
    <message>
        <source>Edit a map shared by another laptop in the room</source>
        <translation>แก้ไขแผนที่ที่เครื่องอื่นในห้องแบ่งปันไว้</translation>
    </message>
    <message>
        <source>&amp;Leave the Session</source>
        <translation>ออกจากห้อง(&amp;L)</translation>
    </message>
    <message>
        <source>Stop editing together; the map stays in this window</source>
        <translation>เลิกแก้ไขร่วมกัน แผนที่ยังอยู่ในหน้าต่างนี้</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>นำเข้าจาก Excel(&amp;I)…</translation>
    </message>
    <message>
        <source>Make a map from an 11-column table or action plan in Excel</source>
        <translation>สร้างแผนที่จากตาราง 11 ช่องหรือแผนปฏิบัติการในไฟล์ Excel</translation>
    </message>
    <message>
        <source>Export as &amp;Excel…</source>
        <translation>ส่งออกเป็น Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the table and the map as an Excel workbook for printing</source>
        <translation>บันทึกตารางและแผนที่เป็นไฟล์ Excel สำหรับพิมพ์</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>ส่งออกเป็น PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the map and the table as a PDF ready to print</source>
        <translation>บันทึกแผนที่และตารางเป็นไฟล์ PDF พร้อมพิมพ์</translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation>ส่งออกเป็น PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save a picture of the map for slides</source>
        <translation>บันทึกภาพแผนที่สำหรับใช้ในสไลด์นำเสนอ</translation>
    </message>
    <message>
        <source>Export as S&amp;VG…</source>
        <translation>ส่งออกเป็น SVG(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the map as a scalable drawing</source>
        <translation>บันทึกแผนที่เป็นภาพเวกเตอร์ที่ย่อขยายได้ไม่แตก</translation>
    </message>
    <message>
        <source>&amp;Clear the List</source>
        <translation>ล้างรายการ(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>เลิกทำ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ตัด(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>คัดลอก(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>วาง(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>ลบ(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected objectives and arrows</source>
        <translation>ลบเป้าประสงค์และลูกศรที่เลือก</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>เลือกทั้งหมด(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit Text</source>
        <translation>แก้ไขข้อความ(&amp;E)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>ขยาย(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>ย่อ(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>ขนาดจริง(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>พอดีหน้าต่าง(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole map</source>
        <translation>แสดงแผนที่ทั้งหมด</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>เต็มจอ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Map Only</source>
        <translation>แผนที่อย่างเดียว(&amp;M)</translation>
    </message>
    <message>
        <source>Show the map alone (again: the map with the table and panels)</source>
        <translation>แสดงแผนที่อย่างเดียว (กดอีกครั้ง: กลับมาแสดงแผนที่พร้อมตารางและแผงต่าง ๆ)</translation>
    </message>
    <message>
        <source>&amp;Table Only</source>
        <translation>ตารางอย่างเดียว(&amp;T)</translation>
    </message>
    <message>
        <source>Show the table alone (again: the map with the table and panels)</source>
        <translation>แสดงตารางอย่างเดียว (กดอีกครั้ง: กลับมาแสดงแผนที่พร้อมตารางและแผงต่าง ๆ)</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>โหมดนำเสนอ(&amp;P)</translation>
    </message>
    <message>
        <source>Show the map full screen for the room (Esc leaves)</source>
        <translation>แสดงแผนที่เต็มจอให้ผู้เข้าประชุมดู (กด Esc เพื่อออก)</translation>
    </message>
    <message>
        <source>Add &amp;Objective</source>
        <translation>เพิ่มเป้าประสงค์(&amp;O)</translation>
    </message>
    <message>
        <source>Type a new objective into the selected level</source>
        <translation>พิมพ์เป้าประสงค์ใหม่ลงในระดับที่เลือก</translation>
    </message>
    <message>
        <source>Add &amp;Link</source>
        <translation>เพิ่มลูกศร(&amp;L)</translation>
    </message>
    <message>
        <source>Edit the selected objective&apos;s text, the destination or a level&apos;s name in place</source>
        <translation>แก้ไขข้อความของเป้าประสงค์ที่เลือก จุดหมายปลายทาง หรือชื่อระดับ ในที่นั้นเลย</translation>
    </message>
    <message>
        <source>Map &amp;Details…</source>
        <translation>รายละเอียดแผนที่(&amp;D)…</translation>
    </message>
    <message>
        <source>Title, organisation, area, period, authors, destination, level names and signers</source>
        <translation>ชื่อแผน หน่วยงาน พื้นที่ ระยะเวลา ผู้จัดทำ จุดหมายปลายทาง ชื่อระดับ และผู้ลงนาม</translation>
    </message>
    <message>
        <source>Link two selected objectives (lower to upper), or click the cause, then the effect</source>
        <translation>เชื่อมเป้าประสงค์สองรายการที่เลือก (จากระดับล่างขึ้นระดับบน) หรือคลิกเหตุ แล้วคลิกผล</translation>
    </message>
    <message>
        <source>&amp;Key Route</source>
        <translation>เส้นทางหลัก(&amp;K)</translation>
    </message>
    <message>
        <source>Put the selected objectives on the key route, or take them off when they all are</source>
        <translation>กำหนดเป้าประสงค์ที่เลือกให้อยู่บนเส้นทางหลัก หรือนำออกหากทุกกล่องอยู่บนเส้นทางหลักแล้ว</translation>
    </message>
    <message>
        <source>&amp;Tidy Layout</source>
        <translation>จัดเรียงให้เป็นระเบียบ(&amp;T)</translation>
    </message>
    <message>
        <source>Line the boxes up in their levels, keeping their order</source>
        <translation>จัดกล่องให้เรียงเป็นแถวในระดับของตน โดยคงลำดับเดิมไว้</translation>
    </message>
    <message>
        <source>Action &amp;Plan…</source>
        <translation>แผนปฏิบัติการ(&amp;P)…</translation>
    </message>
    <message>
        <source>The plan&apos;s heading, Small Success milestones and signers, printed with the table</source>
        <translation>ส่วนหัวของแผน ระดับขั้นความสำเร็จ (Small Success) และผู้ลงนาม ที่พิมพ์พร้อมตาราง</translation>
    </message>
    <message>
        <source>&amp;Check Map</source>
        <translation>ตรวจสอบแผนที่(&amp;C)</translation>
    </message>
    <message>
        <source>Look for loops, downward arrows, empty text and more</source>
        <translation>ตรวจหาลูกศรที่วนเป็นวง ลูกศรที่ชี้ลง ข้อความว่าง และอื่น ๆ</translation>
    </message>
    <message>
        <source>Countdown &amp;Timer…</source>
        <translation>จับเวลาถอยหลัง(&amp;T)…</translation>
    </message>
    <message>
        <source>Time group work with a countdown on the map</source>
        <translation>จับเวลางานกลุ่มด้วยนาฬิกานับถอยหลังบนแผนที่</translation>
    </message>
    <message>
        <source>Dot &amp;Voting</source>
        <translation>ลงคะแนนด้วยจุด(&amp;V)</translation>
    </message>
    <message>
        <source>Each click on an objective adds one vote</source>
        <translation>คลิกที่เป้าประสงค์หนึ่งครั้งเพิ่มหนึ่งคะแนน</translation>
    </message>
    <message>
        <source>C&amp;lear Votes</source>
        <translation>ล้างคะแนนโหวต(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Add Row</source>
        <translation>เพิ่มแถว(&amp;A)</translation>
    </message>
    <message>
        <source>Add a table row for the selected objective</source>
        <translation>เพิ่มแถวในตารางสำหรับเป้าประสงค์ที่เลือก</translation>
    </message>
    <message>
        <source>&amp;Remove Row</source>
        <translation>ลบแถว(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected table rows</source>
        <translation>ลบแถวที่เลือกในตาราง</translation>
    </message>
    <message>
        <source>Move Row &amp;Up</source>
        <translation>เลื่อนแถวขึ้น(&amp;U)</translation>
    </message>
    <message>
        <source>Move Row &amp;Down</source>
        <translation>เลื่อนแถวลง(&amp;D)</translation>
    </message>
    <message>
        <source>Add Row A&amp;bove</source>
        <translation>เพิ่มแถวด้านบน(&amp;B)</translation>
    </message>
    <message>
        <source>Add a row for this row&apos;s objective above it</source>
        <translation>เพิ่มแถวของเป้าประสงค์เดียวกันไว้เหนือแถวนี้</translation>
    </message>
    <message>
        <source>Add Row Be&amp;low</source>
        <translation>เพิ่มแถวด้านล่าง(&amp;L)</translation>
    </message>
    <message>
        <source>Add a row for this row&apos;s objective below it</source>
        <translation>เพิ่มแถวของเป้าประสงค์เดียวกันไว้ใต้แถวนี้</translation>
    </message>
    <message>
        <source>Select the Objective on the &amp;Map</source>
        <translation>เลือกเป้าประสงค์นี้บนแผนที่(&amp;M)</translation>
    </message>
    <message>
        <source>Select this row&apos;s objective on the map and show it there</source>
        <translation>เลือกเป้าประสงค์ของแถวนี้บนแผนที่และเลื่อนแผนที่ไปแสดง</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>คอลัมน์(&amp;C)…</translation>
    </message>
    <message>
        <source>Rename, add, remove and reorder this map&apos;s table columns</source>
        <translation>เปลี่ยนชื่อ เพิ่ม ลบ และจัดลำดับคอลัมน์ตารางของแผนที่นี้</translation>
    </message>
    <message>
        <source>&amp;Save Columns as Template…</source>
        <translation>บันทึกคอลัมน์เป็นแม่แบบ(&amp;S)…</translation>
    </message>
    <message>
        <source>Keep this map&apos;s columns for new maps</source>
        <translation>เก็บชุดคอลัมน์ของแผนที่นี้ไว้ใช้กับแผนที่ใหม่</translation>
    </message>
    <message>
        <source>&amp;Edit Cell</source>
        <translation>แก้ไขเซลล์(&amp;E)</translation>
    </message>
    <message>
        <source>Open the current cell to edit its text</source>
        <translation>เปิดเซลล์ปัจจุบันเพื่อแก้ไขข้อความ</translation>
    </message>
    <message>
        <source>Cu&amp;t Cells</source>
        <translation>ตัดเซลล์(&amp;T)</translation>
    </message>
    <message>
        <source>Copy the selected cells and clear them</source>
        <translation>คัดลอกเซลล์ที่เลือกแล้วล้างข้อความออก</translation>
    </message>
    <message>
        <source>&amp;Copy Cells</source>
        <translation>คัดลอกเซลล์(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected cells as a table for Excel, LibreOffice or LINE</source>
        <translation>คัดลอกเซลล์ที่เลือกเป็นตาราง วางต่อใน Excel, LibreOffice หรือ LINE ได้</translation>
    </message>
    <message>
        <source>&amp;Paste into Cells</source>
        <translation>วางลงในเซลล์(&amp;P)</translation>
    </message>
    <message>
        <source>Paste text or a block of cells from Excel, LibreOffice or LINE from the selected cell on</source>
        <translation>วางข้อความหรือตารางจาก Excel, LibreOffice หรือ LINE เริ่มที่เซลล์ที่เลือก</translation>
    </message>
    <message>
        <source>C&amp;lear Cells</source>
        <translation>ล้างเซลล์(&amp;L)</translation>
    </message>
    <message>
        <source>Empty the selected cells</source>
        <translation>ลบข้อความในเซลล์ที่เลือก</translation>
    </message>
    <message>
        <source>Select &amp;All Cells</source>
        <translation>เลือกทุกเซลล์(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Menus in order as (key, title, entries); ``&quot;&quot;`` is a separator; ``&quot;recent&quot;``, ``&quot;panels&quot;`` and ``&quot;language&quot;`` are sub-menus the window makes (Open Recent, the panels&apos; toggles, the languages).</extracomment>
        <translation>ไฟล์(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>แก้ไข(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>มุมมอง(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>แผนที่(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>ตาราง(&amp;T)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>เปิดไฟล์ล่าสุด(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>แผงเครื่องมือ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ภาษา(&amp;L)</translation>
    </message>
</context>
<context>
    <name>CellEditor</name>
    <message>
        <source>Enter keeps the text · Shift+Enter starts a new line · Esc cancels</source>
        <extracomment>Thai marks drawn above or below a letter: they take no width of their own. Pieces a line may break after: a run up to a break mark (``<byte value="x0"/>`` stands for U+200B) or a space, with the spaces that follow it. A letter with the marks above and below it: never cut apart.</extracomment>
        <translation>Enter บันทึกข้อความ · Shift+Enter ขึ้นบรรทัดใหม่ · Esc ยกเลิก</translation>
    </message>
</context>
<context>
    <name>CellVerbs</name>
    <message>
        <source>Select the cells to copy</source>
        <translation>เลือกเซลล์ที่จะคัดลอกก่อน</translation>
    </message>
    <message>
        <source>Copied {rows} × {columns} cells</source>
        <translation>คัดลอกแล้ว {rows} × {columns} เซลล์</translation>
    </message>
    <message>
        <source>The objective column shows the map&apos;s objective: edit it with F2 or on the map</source>
        <translation>คอลัมน์เป้าประสงค์แสดงเป้าประสงค์จากแผนที่ แก้ไขได้ด้วย F2 หรือบนแผนที่</translation>
    </message>
    <message>
        <source>The selected cells are empty already</source>
        <translation>เซลล์ที่เลือกว่างอยู่แล้ว</translation>
    </message>
    <message>
        <source>Select the cells to clear</source>
        <translation>เลือกเซลล์ที่จะล้างก่อน</translation>
    </message>
    <message>
        <source>Cut cells</source>
        <translation>ตัดเซลล์</translation>
    </message>
    <message>
        <source>Clear cells</source>
        <translation>ล้างเซลล์</translation>
    </message>
    <message>
        <source>The table has no rows yet: select an objective and add its row (Table → Add Row)</source>
        <translation>ตารางยังไม่มีแถว เลือกเป้าประสงค์แล้วเพิ่มแถวของเป้าประสงค์นั้นก่อน (ตาราง → เพิ่มแถว)</translation>
    </message>
    <message>
        <source>Select the cell to paste into</source>
        <translation>เลือกเซลล์ที่จะวางก่อน</translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste into the table</source>
        <translation>คลิปบอร์ดไม่มีข้อความที่จะวางลงในตาราง</translation>
    </message>
    <message>
        <source>Paste cells</source>
        <translation>วางเซลล์</translation>
    </message>
    <message>
        <source>The pasted text is what these cells hold already</source>
        <translation>ข้อความที่วางตรงกับที่มีอยู่ในเซลล์แล้ว</translation>
    </message>
    <message>
        <source>Pasted {rows} × {columns} cells</source>
        <translation>วางแล้ว {rows} × {columns} เซลล์</translation>
    </message>
    <message>
        <source>new rows for {objective}: {count}</source>
        <translation>แถวใหม่ของ {objective}: {count} แถว</translation>
    </message>
    <message>
        <source>columns past the last one left out: {count}</source>
        <translation>คอลัมน์ที่เกินคอลัมน์สุดท้ายและไม่ได้วาง: {count} คอลัมน์</translation>
    </message>
    <message>
        <source>rows past the table&apos;s limit left out: {count}</source>
        <translation>แถวที่เกินขีดจำกัดของตารางและไม่ได้วาง: {count} แถว</translation>
    </message>
</context>
<context>
    <name>ColumnWidths</name>
    <message>
        <source>Resize column “{column}”</source>
        <extracomment>Pixels per unit of a column&apos;s ``width`` (Excel character widths).</extracomment>
        <translation>ปรับความกว้างคอลัมน์ “{column}”</translation>
    </message>
    <message numerus="yes">
        <source>Resize %n columns</source>
        <translation>
            <numerusform>ปรับความกว้าง %n คอลัมน์</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <source>Table Columns</source>
        <translation>คอลัมน์ของตาราง</translation>
    </message>
    <message>
        <source>The first column always shows the objective from the map. Changes apply when you press OK, as one step that Undo takes back.</source>
        <translation>คอลัมน์แรกแสดงเป้าประสงค์จากแผนที่เสมอ การเปลี่ยนแปลงจะมีผลเมื่อกดตกลง เป็นขั้นตอนเดียวที่สั่งเลิกทำได้</translation>
    </message>
    <message>
        <source>&amp;Heading:</source>
        <translation>หัวคอลัมน์(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Width (characters):</source>
        <translation>ความกว้าง (ตัวอักษร)(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>เพิ่ม(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>ลบ(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>เลื่อนขึ้น(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>เลื่อนลง(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save as Template…</source>
        <translation>บันทึกเป็นแม่แบบ(&amp;S)…</translation>
    </message>
    <message>
        <source>{label} (from the map)</source>
        <translation>{label} (จากแผนที่)</translation>
    </message>
    <message>
        <source>A table has at most {limit} columns</source>
        <translation>ตารางหนึ่งมีได้ไม่เกิน {limit} คอลัมน์</translation>
    </message>
    <message>
        <source>New column</source>
        <translation>คอลัมน์ใหม่</translation>
    </message>
    <message>
        <source>Remove column</source>
        <translation>ลบคอลัมน์</translation>
    </message>
    <message numerus="yes">
        <source>The column “{label}” has text in %n row(s). The text goes with the column (Undo brings both back). Remove it?</source>
        <translation>
            <numerusform>คอลัมน์ “{label}” มีข้อความอยู่ %n แถว ข้อความจะถูกลบไปพร้อมคอลัมน์ (สั่งเลิกทำเพื่อนำกลับมาได้ทั้งคู่) ต้องการลบหรือไม่?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Countdown Timer</source>
        <translation>จับเวลาถอยหลัง</translation>
    </message>
    <message>
        <source>Minutes for group work:</source>
        <translation>เวลาทำงานกลุ่ม (นาที):</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>Time is up</source>
        <extracomment>the countdown reached zero the user closed the countdown (its close button)</extracomment>
        <translation>หมดเวลา</translation>
    </message>
    <message>
        <source>Paused: click or press Space to go on</source>
        <translation>หยุดชั่วคราว: คลิกหรือกด Space เพื่อเดินเวลาต่อ</translation>
    </message>
    <message>
        <source>Click or press Space to pause</source>
        <translation>คลิกหรือกด Space เพื่อหยุดชั่วคราว</translation>
    </message>
    <message>
        <source>Stop the countdown (Ctrl+T)</source>
        <translation>หยุดจับเวลา (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Delete objective {code}</source>
        <translation>ลบเป้าประสงค์ {code}</translation>
    </message>
    <message>
        <source>Delete link {source} → {target}</source>
        <translation>ลบลูกศร {source} → {target}</translation>
    </message>
    <message>
        <source>1 objective</source>
        <translation>เป้าประสงค์ 1 รายการ</translation>
    </message>
    <message>
        <source>%n objectives</source>
        <translation>เป้าประสงค์ %n รายการ</translation>
    </message>
    <message>
        <source>1 link</source>
        <translation>ลูกศร 1 เส้น</translation>
    </message>
    <message>
        <source>%n links</source>
        <translation>ลูกศร %n เส้น</translation>
    </message>
    <message>
        <source>Delete {objectives}</source>
        <translation>ลบ{objectives}</translation>
    </message>
    <message>
        <source>Delete {links}</source>
        <translation>ลบ{links}</translation>
    </message>
    <message>
        <source>Delete {objectives} and {links}</source>
        <translation>ลบ{objectives}และ{links}</translation>
    </message>
    <message>
        <source>Add objective</source>
        <translation>เพิ่มเป้าประสงค์</translation>
    </message>
    <message>
        <source>Move objective</source>
        <translation>ย้ายเป้าประสงค์</translation>
    </message>
    <message>
        <source>Move %n objectives</source>
        <translation>ย้ายเป้าประสงค์ %n รายการ</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>แก้ไขข้อความ</translation>
    </message>
    <message>
        <source>Mark key route</source>
        <translation>กำหนดเส้นทางหลัก</translation>
    </message>
    <message>
        <source>Clear key route</source>
        <translation>ยกเลิกเส้นทางหลัก</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>เพิ่มลูกศร</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>ลบลูกศร</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>วาง</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>แก้ไขรหัส</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>แก้ไขหมายเหตุ</translation>
    </message>
    <message>
        <source>Change stakeholders</source>
        <translation>เปลี่ยนภาคี</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <extracomment>Formats written on a worker thread (plain Python writers; PNG/SVG need the GUI thread). An export ended: True when the file was written.</extracomment>
        <translation>ส่งออก</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>ส่งออกไปยัง</translation>
    </message>
    <message>
        <source>Replace the File?</source>
        <translation>แทนที่ไฟล์เดิมหรือไม่?</translation>
    </message>
    <message>
        <source>“{name}” already exists in {folder}. Replace it?</source>
        <translation>มีไฟล์ “{name}” อยู่แล้วในโฟลเดอร์ {folder} ต้องการแทนที่หรือไม่?</translation>
    </message>
    <message>
        <source>map</source>
        <translation>แผนที่</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>ส่งออกไม่ได้</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>ส่งออกแล้ว: {path}</translation>
    </message>
    <message>
        <source>Exported {path}. This desktop cannot open folders: find it in {folder}</source>
        <translation>ส่งออก {path} แล้ว เครื่องนี้เปิดโฟลเดอร์ให้ไม่ได้ ไฟล์อยู่ที่ {folder}</translation>
    </message>
    <message>
        <source>Exporting {path}…</source>
        <translation>กำลังส่งออก {path}…</translation>
    </message>
</context>
<context>
    <name>ExportForm</name>
    <message>
        <source>Excel</source>
        <extracomment>Which options each format uses. The chosen format changed; carries its kind (&quot;xlsx&quot;, &quot;pdf&quot;, &quot;png&quot; or &quot;svg&quot;).</extracomment>
        <translation>Excel</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>ภาพ PNG</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>ภาพเวกเตอร์ SVG</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>รูปแบบ:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ไฟล์(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>กระดาษ(&amp;P):</translation>
    </message>
    <message>
        <source>F&amp;ont:</source>
        <translation>แบบอักษร(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Size (pt):</source>
        <translation>ขนาด (พอยต์)(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>เลือกไฟล์(&amp;B)…</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 แนวนอน</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 แนวนอน</translation>
    </message>
    <message>
        <source>The Excel cells&apos; font; the PDF always uses the bundled Sarabun font</source>
        <translation>แบบอักษรของเซลล์ใน Excel ส่วน PDF ใช้ฟอนต์ Sarabun ที่มากับโปรแกรมเสมอ</translation>
    </message>
    <message>
        <source>Table text size in TH Sarabun points</source>
        <translation>ขนาดตัวอักษรในตาราง (พอยต์ของ TH Sarabun)</translation>
    </message>
    <message>
        <source>&amp;Thai digits (๑๒๓)</source>
        <translation>ใช้เลขไทย (๑๒๓)(&amp;T)</translation>
    </message>
    <message>
        <source>Page and Text</source>
        <translation>หน้ากระดาษและข้อความ</translation>
    </message>
    <message>
        <source>Signatures under the PDF table</source>
        <translation>ช่องลงนามใต้ตารางใน PDF</translation>
    </message>
    <message>
        <source>&amp;Open the folder when done</source>
        <translation>เปิดโฟลเดอร์เมื่อเสร็จ(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>ส่งออก(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>เอกสาร PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>ภาพ PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>ภาพเวกเตอร์ SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Unsaved changes</source>
        <extracomment>The stamp of a file whose state on disk is not known: any existing file differs from it. A file was opened or saved under a new name (the recent list changed). Something to tell the user briefly, e.g. in the status bar. The document&apos;s file as this window last read or wrote it (None: no file). What the title shows for a map with no file yet that came from somewhere (a backup).</extracomment>
        <translation>มีการแก้ไขที่ยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>The map “{name}” has changes that are not saved. Save them?</source>
        <translation>แผนที่ “{name}” มีการแก้ไขที่ยังไม่ได้บันทึก ต้องการบันทึกหรือไม่?</translation>
    </message>
    <message>
        <source>Open Map</source>
        <translation>เปิดแผนที่</translation>
    </message>
    <message>
        <source>Route maps (*.srm);;All files (*)</source>
        <translation>แผนที่ทางเดินยุทธศาสตร์ (*.srm);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>ไม่มีชื่อ</translation>
    </message>
    <message>
        <source>map</source>
        <translation>แผนที่</translation>
    </message>
    <message>
        <source>Cannot open the map</source>
        <translation>เปิดแผนที่ไม่ได้</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>ไฟล์ถูกเปลี่ยนแปลงบนดิสก์</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program (or another srmtool window) after you opened it.</source>
        <translation>“{name}” ถูกแก้ไขโดยโปรแกรมอื่น (หรือหน้าต่าง srmtool อื่น) หลังจากที่คุณเปิดไฟล์นี้</translation>
    </message>
    <message>
        <source>Saving over it replaces those changes with this map; the other version is kept as “{backup}”. Save as another file to keep both.</source>
        <translation>หากบันทึกทับ การแก้ไขนั้นจะถูกแทนที่ด้วยแผนที่นี้ โดยฉบับเดิมจะเก็บไว้เป็น “{backup}” หากต้องการเก็บไว้ทั้งสองฉบับ ให้บันทึกเป็นไฟล์อื่น</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>บันทึกทับ(&amp;O)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>บันทึกเป็น(&amp;A)…</translation>
    </message>
    <message>
        <source>The previous version “{backup}” can be read. Open it instead? It opens as a new, unsaved map, so the damaged file is replaced only if you choose to save over it.</source>
        <translation>ฉบับก่อนหน้า “{backup}” ยังอ่านได้ ต้องการเปิดฉบับนั้นแทนหรือไม่? ฉบับนั้นจะเปิดเป็นแผนที่ใหม่ที่ยังไม่ได้บันทึก ไฟล์ที่เสียหายจะถูกแทนที่ก็ต่อเมื่อคุณเลือกบันทึกทับเท่านั้น</translation>
    </message>
    <message>
        <source>{name} (from backup)</source>
        <translation>{name} (จากไฟล์สำรอง)</translation>
    </message>
    <message>
        <source>Save Map As</source>
        <translation>บันทึกแผนที่เป็น</translation>
    </message>
    <message>
        <source>Cannot save the map</source>
        <translation>บันทึกแผนที่ไม่ได้</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>บันทึกแล้ว: {path}</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>No problems found</source>
        <translation>ไม่พบปัญหา</translation>
    </message>
    <message>
        <source>Click a finding to select its objectives on the map</source>
        <translation>คลิกรายการที่พบเพื่อเลือกเป้าประสงค์ที่เกี่ยวข้องบนแผนที่</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from Excel</source>
        <translation>นำเข้าจาก Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>สมุดงาน Excel (*.xlsx);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>The workbook cannot be imported: {reason}</source>
        <translation>นำเข้าสมุดงานนี้ไม่ได้: {reason}</translation>
    </message>
    <message>
        <source>Cannot import the table</source>
        <translation>นำเข้าตารางไม่ได้</translation>
    </message>
    <message>
        <source>Imported {rows} rows from {name}</source>
        <translation>นำเข้า {rows} แถวจาก {name} แล้ว</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import Report</source>
        <translation>รายงานการนำเข้า</translation>
    </message>
    <message>
        <source>The table from “{file}” is now an unsaved map: {rows} rows, {objectives} objectives.</source>
        <translation>ตารางจาก “{file}” ถูกสร้างเป็นแผนที่ที่ยังไม่ได้บันทึกแล้ว: {rows} แถว เป้าประสงค์ {objectives} รายการ</translation>
    </message>
</context>
<context>
    <name>LinkMode</name>
    <message>
        <source>Add Link: click the objective the arrow starts from (the cause) · Esc ends</source>
        <translation>เพิ่มลูกศร: คลิกเป้าประสงค์ต้นทางของลูกศร (เหตุ) · กด Esc เพื่อจบ</translation>
    </message>
    <message>
        <source>Add Link from {code}: now click the objective it leads to (the effect) · Esc ends</source>
        <translation>เพิ่มลูกศรจาก {code}: คลิกเป้าประสงค์ที่ลูกศรชี้ไป (ผล) · กด Esc เพื่อจบ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Undo</source>
        <translation>เลิกทำ</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>ทำซ้ำ</translation>
    </message>
    <message numerus="yes">
        <source>Errors: %n</source>
        <translation>
            <numerusform>ข้อผิดพลาด: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warnings: %n</source>
        <translation>
            <numerusform>คำเตือน: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notes: %n</source>
        <translation>
            <numerusform>ข้อสังเกต: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>ไม่พบปัญหา</translation>
    </message>
    <message>
        <source>The clipboard holds no objectives this program can read</source>
        <translation>คลิปบอร์ดไม่มีเป้าประสงค์ที่โปรแกรมนี้อ่านได้</translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds no text</source>
        <translation>ไม่มีอะไรให้วาง: คลิปบอร์ดไม่มีข้อความ</translation>
    </message>
    <message>
        <source>To paste text as objectives, click an empty part of a level first, then paste</source>
        <translation>หากต้องการวางข้อความเป็นเป้าประสงค์ ให้คลิกที่ว่างในระดับที่ต้องการก่อน แล้วจึงวาง</translation>
    </message>
    <message>
        <source>The text has {lines} lines; at most {limit} can be pasted at once</source>
        <translation>ข้อความมี {lines} บรรทัด วางได้ครั้งละไม่เกิน {limit} บรรทัด</translation>
    </message>
    <message>
        <source>Paste 1 objective</source>
        <translation>วางเป้าประสงค์ 1 รายการ</translation>
    </message>
    <message>
        <source>1 objective pasted into {level}</source>
        <translation>วางเป้าประสงค์ 1 รายการลงในระดับ{level}แล้ว</translation>
    </message>
    <message>
        <source>Paste %n objectives</source>
        <translation>วางเป้าประสงค์ %n รายการ</translation>
    </message>
    <message>
        <source>%n objectives pasted into {level}</source>
        <translation>วางเป้าประสงค์ %n รายการลงในระดับ{level}แล้ว</translation>
    </message>
    <message>
        <source>These objectives are already linked</source>
        <translation>เป้าประสงค์เหล่านี้เชื่อมกันอยู่แล้ว</translation>
    </message>
    <message>
        <source>Tidy layout</source>
        <translation>จัดเรียงให้เป็นระเบียบ</translation>
    </message>
    <message>
        <source>The map is already tidy</source>
        <translation>แผนที่เป็นระเบียบอยู่แล้ว</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>แถบเครื่องมือหลัก</translation>
    </message>
</context>
<context>
    <name>MapDetails</name>
    <message>
        <source>Edit map details</source>
        <translation>แก้ไขรายละเอียดแผนที่</translation>
    </message>
</context>
<context>
    <name>MapDetailsDialog</name>
    <message>
        <source>Map Details</source>
        <translation>รายละเอียดแผนที่</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>ชื่อแผน(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>หน่วยงาน(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>พื้นที่(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Period (fiscal year, B.E.)</source>
        <translation>ระยะเวลา (ปีงบประมาณ พ.ศ.)(&amp;P)</translation>
    </message>
    <message>
        <source>A&amp;uthors (one per line)</source>
        <translation>ผู้จัดทำ (บรรทัดละหนึ่งราย)(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation>จุดหมายปลายทาง(&amp;D)</translation>
    </message>
    <message>
        <source>e.g. the route map of dengue control, Ban Na</source>
        <translation>เช่น แผนที่ทางเดินยุทธศาสตร์ ควบคุมโรคไข้เลือดออก ตำบลบ้านนา</translation>
    </message>
    <message>
        <source>e.g. the district health office</source>
        <translation>เช่น สำนักงานสาธารณสุขอำเภอ</translation>
    </message>
    <message>
        <source>e.g. tambon, district, province</source>
        <translation>เช่น ตำบล อำเภอ จังหวัด</translation>
    </message>
    <message>
        <source>e.g. ปีงบประมาณ 2569–2571</source>
        <translation>เช่น ปีงบประมาณ 2569–2571</translation>
    </message>
    <message>
        <source>What the people of the area will have achieved, and by when</source>
        <translation>ประชาชนในพื้นที่จะเป็นอย่างไร ภายในเมื่อใด</translation>
    </message>
    <message>
        <source>Names of the levels</source>
        <translation>ชื่อระดับ</translation>
    </message>
    <message>
        <source>Signers printed under the plan</source>
        <translation>ผู้ลงนามท้ายแผน</translation>
    </message>
</context>
<context>
    <name>MapMenus</name>
    <message>
        <source>&amp;Edit Text</source>
        <translation>แก้ไขข้อความ(&amp;E)</translation>
    </message>
    <message>
        <source>Draw a &amp;Link from Here</source>
        <translation>ลากลูกศรจากเป้าประสงค์นี้(&amp;L)</translation>
    </message>
    <message>
        <source>Take off the &amp;Key Route</source>
        <translation>เอาออกจากเส้นทางหลัก(&amp;K)</translation>
    </message>
    <message>
        <source>Put on the &amp;Key Route</source>
        <translation>ใส่ในเส้นทางหลัก(&amp;K)</translation>
    </message>
    <message>
        <source>Detail&amp;s…</source>
        <translation>รายละเอียด(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Delete Arrow</source>
        <translation>ลบลูกศร(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Select Its Two Objectives</source>
        <translation>เลือกเป้าประสงค์ทั้งสองปลาย(&amp;S)</translation>
    </message>
    <message>
        <source>Add &amp;Objective Here</source>
        <translation>เพิ่มเป้าประสงค์ตรงนี้(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Paste Lines as Objectives</source>
        <translation>วางข้อความเป็นเป้าประสงค์ บรรทัดละรายการ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Rename Level</source>
        <translation>เปลี่ยนชื่อระดับ(&amp;R)</translation>
    </message>
    <message>
        <source>Select the Level&apos;s Objec&amp;tives</source>
        <translation>เลือกเป้าประสงค์ทั้งหมดในระดับนี้(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Edit Destination</source>
        <translation>แก้ไขจุดหมายปลายทาง(&amp;E)</translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message>
        <source>Double-click here to write the destination</source>
        <extracomment>``view_rect()`` changed: the map&apos;s bounds, or an in-place editor opened or closed the window&apos;s selection, or the scene&apos;s own when it stands alone (tests, exports) Set by a view: paint boxes without Thai text until the segmenter has loaded (it loads on the next turn of the event loop), so the window shows without waiting for it.</extracomment>
        <translation>ดับเบิลคลิกที่นี่เพื่อเขียนจุดหมายปลายทาง</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>จุดหมายปลายทาง</translation>
    </message>
</context>
<context>
    <name>MapStatus</name>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Type to add an objective to {level}</source>
        <translation>พิมพ์เพื่อเพิ่มเป้าประสงค์ในระดับ{level}</translation>
    </message>
    <message>
        <source>Drop here to move to the level {level}</source>
        <translation>ปล่อยตรงนี้เพื่อย้ายไปยังระดับ{level}</translation>
    </message>
</context>
<context>
    <name>MapTextEdit</name>
    <message>
        <source>Edit destination</source>
        <extracomment>Room below the banner&apos;s text for a destination longer than the banner shows.</extracomment>
        <translation>แก้ไขจุดหมายปลายทาง</translation>
    </message>
    <message>
        <source>Rename level</source>
        <translation>เปลี่ยนชื่อระดับ</translation>
    </message>
</context>
<context>
    <name>MatrixDialog</name>
    <message>
        <source>Stakeholders × objectives</source>
        <translation>ภาคี × เป้าประสงค์</translation>
    </message>
    <message>
        <source>✓ = the stakeholder is assigned to the objective. Click a cell to change it.</source>
        <translation>✓ = ภาคีนี้ได้รับมอบหมายในเป้าประสงค์นั้น คลิกที่ช่องเพื่อเปลี่ยน</translation>
    </message>
</context>
<context>
    <name>MilestoneBoxes</name>
    <message>
        <source>What must be achieved by each month of the plan, one milestone per line.</source>
        <translation>สิ่งที่ต้องสำเร็จเมื่อครบแต่ละเดือนของแผน บรรทัดละหนึ่งขั้น</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n เดือน</numerusform>
        </translation>
    </message>
    <message>
        <source>One milestone per line</source>
        <translation>บรรทัดละหนึ่งขั้นความสำเร็จ</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <source>Obj.</source>
        <translation>เป้าฯ</translation>
    </message>
    <message>
        <source>Number of objectives this stakeholder is assigned to</source>
        <translation>จำนวนเป้าประสงค์ที่ภาคีนี้ได้รับมอบหมาย</translation>
    </message>
    <message>
        <source>Edit stakeholder</source>
        <translation>แก้ไขภาคี</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>ได้รับมอบหมาย</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>เป้าประสงค์</translation>
    </message>
    <message>
        <source>Assign stakeholders</source>
        <translation>มอบหมายภาคี</translation>
    </message>
    <message>
        <source>Unassign stakeholders</source>
        <translation>ยกเลิกการมอบหมายภาคี</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>คุณสมบัติ</translation>
    </message>
    <message>
        <source>Stakeholders</source>
        <translation>ภาคี</translation>
    </message>
    <message>
        <source>Check findings</source>
        <translation>ผลการตรวจสอบ</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>ข้อผิดพลาด</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>คำเตือน</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ข้อสังเกต</translation>
    </message>
    <message>
        <source>row {number}</source>
        <translation>แถวที่ {number}</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Action Plan</source>
        <translation>แผนปฏิบัติการ</translation>
    </message>
    <message>
        <source>&amp;Heading</source>
        <translation>ส่วนหัวของแผน(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Small Success</source>
        <translation>ระดับขั้นความสำเร็จ(&amp;S)</translation>
    </message>
    <message>
        <source>Si&amp;gners</source>
        <translation>ผู้ลงนาม(&amp;G)</translation>
    </message>
    <message>
        <source>P&amp;rogramme:</source>
        <translation>แผนงาน(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>โครงการ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Objectives:</source>
        <translation>วัตถุประสงค์ของโครงการ(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Indicators:</source>
        <translation>ตัวชี้วัด(&amp;I):</translation>
    </message>
    <message>
        <source>R&amp;ationale:</source>
        <translation>หลักการและเหตุผล(&amp;A):</translation>
    </message>
    <message>
        <source>Responsible o&amp;ffice:</source>
        <translation>หน่วยงานรับผิดชอบ(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Digits:</source>
        <translation>ตัวเลขในเอกสาร(&amp;D):</translation>
    </message>
    <message>
        <source>One objective per line; they are numbered when printed</source>
        <translation>บรรทัดละหนึ่งข้อ ตอนพิมพ์จะใส่เลขข้อให้</translation>
    </message>
    <message>
        <source>One indicator per line</source>
        <translation>บรรทัดละหนึ่งตัวชี้วัด</translation>
    </message>
    <message>
        <source>Paragraphs, with an empty line between them</source>
        <translation>แต่ละย่อหน้าคั่นด้วยบรรทัดว่าง</translation>
    </message>
    <message>
        <source>Thai digits</source>
        <translation>เลขไทย</translation>
    </message>
    <message>
        <source>Arabic digits</source>
        <translation>เลขอารบิก</translation>
    </message>
    <message>
        <source>As the plan is typed (now {style})</source>
        <translation>ตามที่พิมพ์ไว้ในแผน (ตอนนี้เป็น{style})</translation>
    </message>
    <message>
        <source>Thai digits (๑๒๓)</source>
        <translation>เลขไทย (๑๒๓)</translation>
    </message>
    <message>
        <source>Arabic digits (123)</source>
        <translation>เลขอารบิก (123)</translation>
    </message>
    <message>
        <source>The signature blocks printed under the table, in this order. An export can print others for once (the export dialog, srmtool export --signature).</source>
        <translation>ช่องลงนามที่พิมพ์ใต้ตาราง เรียงตามลำดับนี้ การส่งออกแต่ละครั้งอาจระบุผู้ลงนามอื่นได้ (ในหน้าต่างส่งออก หรือ srmtool export --signature)</translation>
    </message>
    <message>
        <source>Edit Action Plan</source>
        <translation>แก้ไขแผนปฏิบัติการ</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Key route {n} of {count}</source>
        <translation>เส้นทางหลักที่ {n} จาก {count}</translation>
    </message>
    <message>
        <source>Dot voting: click a box to give it a vote, right-click takes one back (V stops)</source>
        <translation>ลงคะแนนด้วยจุด: คลิกกล่องเพื่อให้คะแนน คลิกขวาเพื่อถอนคะแนน (กด V เพื่อหยุด)</translation>
    </message>
    <message>
        <source>Dot voting stopped: a click highlights routes again</source>
        <translation>หยุดลงคะแนนแล้ว: คลิกเพื่อเน้นเส้นทางได้ตามเดิม</translation>
    </message>
    <message>
        <source>This map has no key route yet: mark objectives with Map → Key Route.</source>
        <translation>แผนที่นี้ยังไม่มีเส้นทางหลัก: กำหนดเป้าประสงค์ได้ที่เมนู แผนที่ → เส้นทางหลัก</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <source>&amp;Code:</source>
        <translation>รหัส(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Key route</source>
        <translation>เส้นทางหลัก(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>ข้อความ(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>หมายเหตุ(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Stakeholders:</source>
        <translation>ภาคี(&amp;S):</translation>
    </message>
    <message>
        <source>Ctrl+Enter or leaving the box saves the text</source>
        <translation>กด Ctrl+Enter หรือออกจากช่องเพื่อบันทึกข้อความ</translation>
    </message>
    <message>
        <source>Ctrl+Enter or leaving the box saves the notes</source>
        <translation>กด Ctrl+Enter หรือออกจากช่องเพื่อบันทึกหมายเหตุ</translation>
    </message>
    <message numerus="yes">
        <source>%n objectives selected. Select one objective to see its properties.</source>
        <translation>
            <numerusform>เลือกเป้าประสงค์ไว้ %n รายการ เลือกเพียงรายการเดียวเพื่อดูคุณสมบัติ</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one objective on the map to see its properties.</source>
        <translation>เลือกเป้าประสงค์หนึ่งรายการบนแผนที่เพื่อดูคุณสมบัติ</translation>
    </message>
    <message>
        <source>Level: &lt;b&gt;{level}&lt;/b&gt;</source>
        <translation>ระดับ: &lt;b&gt;{level}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The code {code} is already used by another objective. Codes must be unique.</source>
        <translation>รหัส {code} ถูกใช้กับเป้าประสงค์อื่นแล้ว รหัสต้องไม่ซ้ำกัน</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>เลิกทำ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ตัด(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>คัดลอก(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>วาง(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>เลือกทั้งหมด</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>แสดงรายละเอียด...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>ซ่อนรายละเอียด...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <extracomment>The interface languages, each named in its own language (never translated). Qt&apos;s own texts that PySide6 ships no Thai translation for (there is no qtbase_th.qm): the standard dialog buttons and the text fields&apos; context menu. Listed here so that lupdate puts them in our .ts, in Qt&apos;s own contexts; Qt looks them up through every installed translator.</extracomment>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>บันทึกทั้งหมด</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ใช่(&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>ใช่ทั้งหมด(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ไม่(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ไม่ทั้งหมด(&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>ยุติ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ไม่บันทึก</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>ไม่บันทึก</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>ปิดโดยไม่บันทึก</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>วิธีใช้</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>นำไปใช้</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>ตั้งค่าใหม่</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>คืนค่าเริ่มต้น</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>เลิกทำ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ตัด(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>คัดลอก(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>วาง(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>เลือกทั้งหมด</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>Cannot open the map</source>
        <translation>เปิดแผนที่ไม่ได้</translation>
    </message>
    <message>
        <source>{path}: the file is gone</source>
        <translation>{path}: ไม่พบไฟล์นี้แล้ว</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Autosave failed: {reason}</source>
        <extracomment>An autosave reached the disk (UI thread). An autosave failed; the reason, for a person (UI thread).</extracomment>
        <translation>บันทึกอัตโนมัติไม่สำเร็จ: {reason}</translation>
    </message>
    <message>
        <source>Cannot recover the map</source>
        <translation>กู้คืนแผนที่ไม่ได้</translation>
    </message>
    <message>
        <source>{name} (recovered)</source>
        <translation>{name} (กู้คืน)</translation>
    </message>
    <message>
        <source>Untitled map</source>
        <translation>แผนที่ไม่มีชื่อ</translation>
    </message>
    <message>
        <source>Recovered the map saved automatically before srmtool stopped</source>
        <translation>กู้คืนแผนที่ที่บันทึกอัตโนมัติไว้ก่อนโปรแกรมปิดลงแล้ว</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>just now</source>
        <translation>เมื่อสักครู่</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>1 นาทีที่แล้ว</translation>
    </message>
    <message>
        <source>%n minutes ago</source>
        <translation>%n นาทีที่แล้ว</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>1 ชั่วโมงที่แล้ว</translation>
    </message>
    <message>
        <source>%n hours ago</source>
        <translation>%n ชั่วโมงที่แล้ว</translation>
    </message>
    <message>
        <source>%n days ago</source>
        <translation>%n วันที่แล้ว</translation>
    </message>
    <message>
        <source>{time} ({age})</source>
        <translation>{time} ({age})</translation>
    </message>
    <message>
        <source>Recover Unsaved Maps</source>
        <translation>กู้คืนแผนที่ที่ยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>srmtool did not close properly (a crash, a forced stop or a power cut). These maps had changes that were saved automatically:</source>
        <translation>srmtool ไม่ได้ปิดตามปกติ (โปรแกรมขัดข้อง ถูกบังคับปิด หรือไฟดับ) แผนที่ต่อไปนี้มีการแก้ไขที่บันทึกสำรองไว้โดยอัตโนมัติ:</translation>
    </message>
    <message>
        <source>Recover opens the selected map in this window as unsaved changes; save it to keep it. Maps you neither recover nor discard are offered again the next time srmtool starts.</source>
        <translation>กู้คืนจะเปิดแผนที่ที่เลือกในหน้าต่างนี้เป็นการแก้ไขที่ยังไม่ได้บันทึก ให้บันทึกไว้หากต้องการเก็บ แผนที่ที่ไม่ได้กู้คืนหรือทิ้ง จะถูกเสนอให้อีกครั้งเมื่อเปิด srmtool ครั้งต่อไป</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>แผนที่</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>เป้าประสงค์</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>ไฟล์ต้นฉบับ</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>บันทึกเมื่อ</translation>
    </message>
    <message>
        <source>Untitled map</source>
        <translation>แผนที่ไม่มีชื่อ</translation>
    </message>
    <message>
        <source>never saved to a file</source>
        <translation>ยังไม่เคยบันทึกเป็นไฟล์</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>กู้คืน(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>ทิ้ง(&amp;D)…</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>ตัดสินใจภายหลัง(&amp;L)</translation>
    </message>
    <message>
        <source>Discard Map</source>
        <translation>ทิ้งแผนที่</translation>
    </message>
    <message>
        <source>Delete the autosaved copy of “{name}”? Its unsaved changes are lost.</source>
        <translation>ลบสำเนาที่บันทึกอัตโนมัติของ “{name}” หรือไม่? การแก้ไขที่ยังไม่ได้บันทึกจะหายไป</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>In the room:</source>
        <translation>ผู้ที่อยู่ในห้อง:</translation>
    </message>
    <message>
        <source>Show Room Code</source>
        <translation>แสดงรหัสห้อง</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>ออกจากห้อง</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (คุณ)</translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <source>Session</source>
        <translation>ห้องแก้ไขร่วมกัน</translation>
    </message>
    <message>
        <source>Share in the Room</source>
        <translation>แบ่งปันในห้องประชุม</translation>
    </message>
    <message>
        <source>The room could not be opened: {reason}</source>
        <translation>เปิดห้องไม่ได้: {reason}</translation>
    </message>
    <message>
        <source>You left the session; the map stays in this window.</source>
        <translation>คุณออกจากห้องแล้ว แผนที่ยังอยู่ในหน้าต่างนี้</translation>
    </message>
    <message>
        <source>Connected again: your edits and the others&apos; are merged.</source>
        <translation>เชื่อมต่อได้อีกครั้ง รวมการแก้ไขของคุณกับของคนอื่นแล้ว</translation>
    </message>
    <message>
        <source>The host is gone</source>
        <translation>เจ้าของห้องไม่อยู่แล้ว</translation>
    </message>
    <message>
        <source>The connection to the host of the session is lost (the host left, or the network is down). You still have the whole map and can go on editing: your edits join the others&apos; when the host is back. Use File → Save a Copy… to keep the map.</source>
        <translation>การเชื่อมต่อกับเจ้าของห้องขาดหายไป (เจ้าของห้องออกไปแล้ว หรือเครือข่ายขัดข้อง) คุณยังมีแผนที่ครบทั้งหมดและแก้ไขต่อได้ การแก้ไขของคุณจะรวมกับของคนอื่นเมื่อเจ้าของห้องกลับมา ใช้ ไฟล์ → บันทึกสำเนา… เพื่อเก็บแผนที่ไว้</translation>
    </message>
    <message>
        <source>The room code is not right, or this laptop is not on the host&apos;s network.</source>
        <translation>รหัสห้องไม่ถูกต้อง หรือเครื่องนี้ไม่ได้อยู่ในเครือข่ายเดียวกับเจ้าของห้อง</translation>
    </message>
    <message>
        <source>The room is full.</source>
        <translation>ห้องเต็มแล้ว</translation>
    </message>
    <message>
        <source>Too many wrong codes: wait a minute, then try again.</source>
        <translation>ใส่รหัสผิดหลายครั้งเกินไป รอสักหนึ่งนาทีแล้วลองใหม่</translation>
    </message>
    <message>
        <source>The host refused.</source>
        <translation>เจ้าของห้องไม่รับการเชื่อมต่อ</translation>
    </message>
    <message>
        <source>Join a Session</source>
        <translation>เข้าร่วมห้อง</translation>
    </message>
    <message>
        <source>You are sharing this map. Laptops connected: {count}</source>
        <translation>คุณกำลังแบ่งปันแผนที่นี้ เครื่องที่เชื่อมต่ออยู่: {count}</translation>
    </message>
    <message>
        <source>Trying to reach {address}…</source>
        <translation>กำลังติดต่อ {address}…</translation>
    </message>
    <message>
        <source>Connection lost; trying again… Your edits are kept.</source>
        <translation>การเชื่อมต่อขาดหาย กำลังลองใหม่… การแก้ไขของคุณยังเก็บไว้</translation>
    </message>
    <message>
        <source>Editing together with the host at {address}.</source>
        <translation>กำลังแก้ไขร่วมกับเจ้าของห้องที่ {address}</translation>
    </message>
    <message>
        <source>Joining {address}…</source>
        <translation>กำลังเข้าร่วม {address}…</translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation>บันทึกสำเนา</translation>
    </message>
    <message>
        <source>Route maps (*.srm);;All files (*)</source>
        <translation>แผนที่ทางเดินยุทธศาสตร์ (*.srm);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Saved a copy as {path}</source>
        <translation>บันทึกสำเนาเป็น {path} แล้ว</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share in the Room</source>
        <translation>แบ่งปันในห้องประชุม</translation>
    </message>
    <message>
        <source>The others choose File → Join a Session… on their laptops, on this network, and type this room code:</source>
        <translation>คนอื่นเลือก ไฟล์ → เข้าร่วมห้อง… ที่เครื่องของตนซึ่งอยู่ในเครือข่ายเดียวกันนี้ แล้วพิมพ์รหัสห้องนี้:</translation>
    </message>
    <message>
        <source>Address of this laptop:</source>
        <translation>ที่อยู่ของเครื่องนี้:</translation>
    </message>
    <message>
        <source>Only people with the code can read or edit the map. The connection is not encrypted: on an open hotspot anyone nearby can read what is sent.</source>
        <translation>เฉพาะผู้ที่มีรหัสเท่านั้นที่อ่านหรือแก้ไขแผนที่ได้ การเชื่อมต่อไม่ได้เข้ารหัส หากใช้ฮอตสปอตที่ไม่มีรหัสผ่าน คนที่อยู่ใกล้อาจอ่านข้อมูลที่ส่งได้</translation>
    </message>
    <message>
        <source>Stop Sharing</source>
        <translation>เลิกแบ่งปัน</translation>
    </message>
    <message>
        <source>Join a Session</source>
        <translation>เข้าร่วมห้อง</translation>
    </message>
    <message>
        <source>Sessions on this network:</source>
        <translation>ห้องที่พบในเครือข่ายนี้:</translation>
    </message>
    <message>
        <source>(none heard yet: you can type the address)</source>
        <translation>(ยังไม่พบ พิมพ์ที่อยู่เองได้)</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>ที่อยู่:</translation>
    </message>
    <message>
        <source>Room code:</source>
        <translation>รหัสห้อง:</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>ชื่อของคุณ:</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>เข้าร่วม</translation>
    </message>
    <message>
        <source>Type the address shown on the host&apos;s screen.</source>
        <translation>พิมพ์ที่อยู่ที่แสดงบนจอของเจ้าของห้อง</translation>
    </message>
    <message>
        <source>Type the room code shown on the host&apos;s screen.</source>
        <translation>พิมพ์รหัสห้องที่แสดงบนจอของเจ้าของห้อง</translation>
    </message>
    <message>
        <source>Your name, as the others in the room will see it:</source>
        <translation>ชื่อของคุณที่คนอื่นในห้องจะเห็น:</translation>
    </message>
    <message>
        <source>Start Sharing</source>
        <translation>เริ่มแบ่งปัน</translation>
    </message>
</context>
<context>
    <name>SignatureTable</name>
    <message>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Add Signer</source>
        <translation>เพิ่มผู้ลงนาม</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Printed under the table; an empty name or position is a dotted line</source>
        <translation>พิมพ์ไว้ใต้ตาราง ชื่อหรือตำแหน่งที่เว้นว่างจะพิมพ์เป็นเส้นประให้เขียน</translation>
    </message>
</context>
<context>
    <name>StakeholdersPanel</name>
    <message>
        <source>&amp;Add</source>
        <translation>เพิ่ม(&amp;A)</translation>
    </message>
    <message>
        <source>Add a stakeholder (partner) to the map</source>
        <translation>เพิ่มภาคีในแผนที่</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Remove the selected stakeholders from the map</source>
        <translation>ลบภาคีที่เลือกออกจากแผนที่</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>มอบหมาย</translation>
    </message>
    <message>
        <source>Assign the selected stakeholders to the objectives selected on the map</source>
        <translation>มอบหมายภาคีที่เลือกให้กับเป้าประสงค์ที่เลือกบนแผนที่</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>ยกเลิกมอบหมาย</translation>
    </message>
    <message>
        <source>Take the selected stakeholders off the objectives selected on the map</source>
        <translation>นำภาคีที่เลือกออกจากเป้าประสงค์ที่เลือกบนแผนที่</translation>
    </message>
    <message>
        <source>Stakeholder × objective &amp;matrix…</source>
        <translation>ตารางภาคี × เป้าประสงค์(&amp;M)…</translation>
    </message>
    <message>
        <source>New stakeholder</source>
        <translation>ภาคีใหม่</translation>
    </message>
    <message>
        <source>Add stakeholder</source>
        <translation>เพิ่มภาคี</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n stakeholders</source>
        <translation>
            <numerusform>ลบภาคี %n ราย</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove stakeholder</source>
        <translation>ลบภาคี</translation>
    </message>
    <message numerus="yes">
        <source>{names} is assigned to %n objectives. Remove it and its assignments?</source>
        <translation>
            <numerusform>{names} ถูกกำหนดให้กับเป้าประสงค์ %n ข้อ จะลบภาคีนี้และการกำหนดทั้งหมดหรือไม่</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{names} are assigned to %n objectives. Remove them and their assignments?</source>
        <translation>
            <numerusform>{names} ถูกกำหนดให้กับเป้าประสงค์ %n ข้อ จะลบภาคีเหล่านี้และการกำหนดทั้งหมดหรือไม่</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo brings the assignments back.</source>
        <translation>สั่งเลิกทำได้ การมอบหมายจะกลับคืนมา</translation>
    </message>
</context>
<context>
    <name>Table</name>
    <message>
        <source>(missing objective {id})</source>
        <extracomment>Data role holding the row&apos;s objective id (any column). Data role holding the row id (any column). Row ids whose text changed (their height may change). The columns&apos; labels or widths changed, not their keys or order (no reset: the view resizes).</extracomment>
        <translation>(ไม่พบเป้าประสงค์ {id})</translation>
    </message>
    <message>
        <source>Edit “{column}”</source>
        <translation>แก้ไข “{column}”</translation>
    </message>
    <message>
        <source>Move row</source>
        <translation>ย้ายแถว</translation>
    </message>
    <message>
        <source>Move %n rows</source>
        <translation>ย้าย %n แถว</translation>
    </message>
    <message>
        <source>Table</source>
        <extracomment>Share of the window&apos;s height the table dock gets when the window opens.</extracomment>
        <translation>ตาราง</translation>
    </message>
</context>
<context>
    <name>TableFeature</name>
    <message numerus="yes">
        <source>&amp;Remove %n Rows</source>
        <translation>
            <numerusform>ลบ %n แถว(&amp;R)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an objective on the map or in the table to add its row</source>
        <translation>เลือกเป้าประสงค์บนแผนที่หรือในตารางเพื่อเพิ่มแถวของเป้าประสงค์นั้น</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>เพิ่มแถว</translation>
    </message>
    <message>
        <source>Click a row of the table first</source>
        <translation>คลิกแถวในตารางก่อน</translation>
    </message>
    <message>
        <source>This row&apos;s objective is not on the map</source>
        <translation>เป้าประสงค์ของแถวนี้ไม่มีบนแผนที่</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>ลบแถว</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n rows</source>
        <translation>
            <numerusform>ลบ %n แถว</numerusform>
        </translation>
    </message>
    <message>
        <source>Change columns</source>
        <translation>เปลี่ยนคอลัมน์</translation>
    </message>
    <message>
        <source>These columns cannot be used</source>
        <translation>ใช้ชุดคอลัมน์นี้ไม่ได้</translation>
    </message>
    <message>
        <source>Save Columns as Template</source>
        <translation>บันทึกคอลัมน์เป็นแม่แบบ</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>ชื่อแม่แบบ:</translation>
    </message>
    <message>
        <source>Cannot save the template</source>
        <translation>บันทึกแม่แบบไม่ได้</translation>
    </message>
    <message>
        <source>The template was not saved: {reason}</source>
        <translation>ไม่ได้บันทึกแม่แบบ: {reason}</translation>
    </message>
    <message>
        <source>Saved the template “{name}”</source>
        <translation>บันทึกแม่แบบ “{name}” แล้ว</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Table</source>
        <extracomment>The table&apos;s zoom (Ctrl+wheel), kept in the window&apos;s settings.</extracomment>
        <translation>ตาราง</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New Map from Template</source>
        <translation>สร้างแผนที่ใหม่จากแม่แบบ</translation>
    </message>
    <message>
        <source>The new map&apos;s table gets the columns of the template you choose.</source>
        <translation>ตารางของแผนที่ใหม่จะใช้คอลัมน์ตามแม่แบบที่คุณเลือก</translation>
    </message>
    <message>
        <source>{name} (yours)</source>
        <translation>{name} (ของคุณ)</translation>
    </message>
</context>
<context>
    <name>TextLimit</name>
    <message>
        <source>At most {limit} characters fit here</source>
        <translation>ช่องนี้ใส่ได้ไม่เกิน {limit} ตัวอักษร</translation>
    </message>
</context>
<context>
    <name>Votes</name>
    <message>
        <source>Vote for {code}</source>
        <translation>ลงคะแนนให้ {code}</translation>
    </message>
    <message>
        <source>Take back a vote for {code}</source>
        <translation>ถอนคะแนนจาก {code}</translation>
    </message>
    <message>
        <source>Clear votes</source>
        <translation>ล้างคะแนนโหวต</translation>
    </message>
</context>
</TS>
