<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="mn_MN">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Үгүй</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Тийм</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Тусламж</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Нээх</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Хадгалах</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Таслах</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Хэрэглэх</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Хаах</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Дахин тохируулах</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Дахин оролдох</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Анхны тохиргоог сэргээх</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болих</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Үл тоох</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Бүгдэд ү&amp;гүй</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Бүгдийг хадгалах</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Хаях</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>&amp;Бүгдэд тийм</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>Done</source>
        <translation>Болсон</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Тусламж</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Тусламж</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Дараах</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болих</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Батлах</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Үргэлжлүүлэх</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>Д&amp;уусгах</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Дараах &gt;</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Буцах</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Буцах</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Back</source>
        <translation>Буцах</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Нээх</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Нээх</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Хадгалах</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Холбоос</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Диск</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлууд</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Харуулах: </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; бичихээс хамгаалагдсан байна.
Үүнийг ямар ч байсан устгах уу?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>&apos;%1&apos;-г устгахдаа итгэлтэй байна уу?</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Байршил болон хавчуургын жагсаалт</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Файлын нэр:</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Файлын хавтас</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Устгах</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Шинэ хавтас</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Хавтас</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Дээд хавтас</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Шинэ хавтас</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Хасах</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Миний компьютер</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Байршил:</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Шинэ хавтас үүсгэх</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 файл</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Файлын төрөл:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Хавтас хайх</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>&amp;Далд файлуудыг харуулах</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Өөр нэрээр хадгалах</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Хавтас олдсонгүй.
Хавтасны нэрийг зөв оруулсан эсэхийг шалгана уу.</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Хажуугийн самбар</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Жагсаалтаар харах</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Сонгох</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Устгах</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Бүх файл (*)</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Бүх файл (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Хавтаснууд</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Нэр өөрчлөх</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Хавтсыг устгаж чадсангүй.</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Хавтас:</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Тодорхойгүй</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 аль хэдийн байна.
Үүнийг солих уу?</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Урагшлах</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Урагш очих</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Дээд хавтас руу очих</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Сүүлд очсон байршил</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Буцаж очих</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Дэлгэрэнгүй харагдац руу шилжих</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Шинэ хавтас үүсгэх</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Товчлол</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Дэлгэрэнгүй харах</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Файл олдсонгүй.
Файлын нэрийг зөв оруулсан эсэхийг шалгана уу.</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Жагсаалт харагдац руу шилжих</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Kind</source>
        <translation>Төрөл</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Нэр</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Хэмжээ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Төрөл</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Миний компьютер</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Файлын нэр буруу</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;&quot;%1&quot; гэсэн нэрийг ашиглах боломжгүй.&lt;/b&gt;&lt;p&gt;Цөөн тэмдэгттэй, эсвэл цэг таслалгүй өөр нэр ашиглаж үзнэ үү.</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Өөрчилсөн огноо</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>Тэгш хуудсууд</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Хэвлэх</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;Тохиргоо &lt;&lt;</translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Тохиргоо &gt;&gt;</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translation>Зүүнээс баруун, дээрээс доош</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translation>Баруунаас зүүн, доороос дээш</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>PDF файл бичих</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Хэвлэх</translation>
    </message>
    <message>
        <source>1 (1x1)</source>
        <translation>1 (1x1)</translation>
    </message>
    <message>
        <source>Options &apos;Pages Per Sheet&apos; and &apos;Page Set&apos; cannot be used together.
Please turn one of those options off.</source>
        <translation>&apos;Нэг цаасанд хэвлэх хуудас&apos; болон &apos;Хуудасны багц&apos; тохиргоог хамт ашиглах боломжгүй.
Аль нэгийг нь унтраана уу.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>%1 аль хэдийн байна.
Дээр нь бичих үү?</translation>
    </message>
    <message>
        <source>2 (2x1)</source>
        <translation>2 (2x1)</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translation>Зүүнээс баруун, доороос дээш</translation>
    </message>
    <message>
        <source>4 (2x2)</source>
        <translation>4 (2x2)</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>Сондгой хуудсууд</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Дотоод файл</translation>
    </message>
    <message>
        <source>6 (2x3)</source>
        <translation>6 (2x3)</translation>
    </message>
    <message>
        <source>16 (4x4)</source>
        <translation>16 (4x4)</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>Хоёр талт хэвлэлтийн тохиргоонд зөрчил байна. Засах уу?</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>Файлд хэвлэх (PDF)</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translation>Файлд хэвлэх ...</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>Хуудасны заалт буруу</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use &apos;,&apos; to separate ranges and pages, &apos;-&apos; to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 зөв бичиглэлтэй биш байна. Хуудас болон мужийг &apos;,&apos; тэмдгээр тусгаарлаж, мужийг &apos;-&apos; тэмдгээр зааж, мужууд хоорондоо давхцахгүй байхыг анхаарна уу.</translation>
    </message>
    <message>
        <source>9 (3x3)</source>
        <translation>9 (3x3)</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translation>Баруунаас зүүн, дээрээс доош</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translation>Доороос дээш, зүүнээс баруун</translation>
    </message>
    <message>
        <source>The &apos;From&apos; value cannot be greater than the &apos;To&apos; value.</source>
        <translation>&apos;Эхлэх&apos; утга &apos;Дуусах&apos; утгаас их байж болохгүй.</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translation>Бүх хуудас</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>Хоёр талт хэвлэлтийн тохиргооны зөрчил</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 нь хавтас байна.
Өөр файлын нэр сонгоно уу.</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>%1 файлд бичих боломжгүй.
Өөр файлын нэр сонгоно уу.</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translation>Доороос дээш, баруунаас зүүн</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translation>Дээрээс доош, зүүнээс баруун</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translation>Дээрээс доош, баруунаас зүүн</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Хэвлэхийн өмнө харах</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Хэвлэх</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Хуудсанд тааруулах</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Томруулах</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Хэвтээ</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Жижигрүүлэх</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Өргөнд тааруулах</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Босоо</translation>
    </message>
    <message>
        <source>Page Setup</source>
        <translation>Хуудасны тохиргоо</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translation>Хуудасны тохиргоо</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translation>Бүх хуудсыг тоймлон харуулах</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Эхний хуудас</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Сүүлийн хуудас</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translation>Нэг хуудсаар харуулах</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>PDF болгож гаргах</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Өмнөх хуудас</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Дараах хуудас</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translation>Хос хуудсаар харуулах</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>CC</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>DD</source>
        <translation>DD</translation>
    </message>
    <message>
        <source>in</source>
        <translation>инч</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>мм</translation>
    </message>
    <message>
        <source>pt</source>
        <translation>пт</translation>
    </message>
    <message>
        <source>P̸</source>
        <translation>P̸</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Маягт</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translation>доод зай</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Цаас</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translation>Цаасны эх үүсвэр:</translation>
    </message>
    <message>
        <source>right margin</source>
        <translation>баруун зай</translation>
    </message>
    <message>
        <source>Pica (P̸)</source>
        <translation>Пика (P̸)</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Захын зай</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Өөрийн тохиргоо</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Хэвтээ</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>Хуудасны байрлал</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Өргөн:</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Чиглэл</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translation>Дидо (DD)</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Босоо</translation>
    </message>
    <message>
        <source>Page order:</source>
        <translation>Хуудасны дараалал:</translation>
    </message>
    <message>
        <source>top margin</source>
        <translation>дээд зай</translation>
    </message>
    <message>
        <source>left margin</source>
        <translation>зүүн зай</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Хуудасны хэмжээ:</translation>
    </message>
    <message>
        <source>Cicero (CC)</source>
        <translation>Цицеро (CC)</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translation>Урвуу босоо</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translation>Миллиметр (мм)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translation>Пойнт (пт)</translation>
    </message>
    <message>
        <source>Pages per sheet:</source>
        <translation>Нэг цаасанд хэвлэх хуудас:</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translation>Инч (инч)</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translation>Урвуу хэвтээ</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Өндөр:</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Form</source>
        <translation>Маягт</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Хуудас</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>Зарим тохиргоонд зөрчил байна. Засна уу.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Нарийвчилсан</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>to</source>
        <translation>дуусах</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Унтраасан</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Маягт</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Өнгөт</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>Бүгдийг хэвлэх</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Хуудсууд</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>Одоогийн хуудас</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Сонгосон хэсэг</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Хувь</translation>
    </message>
    <message>
        <source>Print range</source>
        <translation>Хэвлэх хүрээ</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>Өнгөний горим</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Тохиргоо</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>Гаралтын тохиргоо</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Урвуу дарааллаар</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Саарал өнгөөр</translation>
    </message>
    <message>
        <source>Collate</source>
        <translation>Хувь тус бүрээр эрэмбэлэх</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>Хувийн тоо:</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Богино талаар эргүүлэх</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Хуудас эсвэл мужийг таслалаар тусгаарлаж заана уу. Мужийг зураасаар тусгаарласан хоёр тоогоор заана. Жишээ нь: 3,5-7,9 гэвэл 3, 5, 6, 7, 9 дүгээр хуудсыг хэвлэнэ.</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>Хуудас, эхлэх</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>Хоёр талт хэвлэлт</translation>
    </message>
    <message>
        <source>Page Set:</source>
        <translation>Хуудасны багц:</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Урт талаар эргүүлэх</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Маягт</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Төрөл:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Нэр:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>Гаралтын &amp;файл:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>&amp;Шинж чанар</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Урьдчилан харах</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Хэвлэгч</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Байршил:</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Job</source>
        <translation>Ажил</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Төгсгөл:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Байхгүй</translation>
    </message>
    <message>
        <source>Banner Pages</source>
        <translation>Тусгаарлагч хуудас</translation>
    </message>
    <message>
        <source>Night (18:00 to 05:59)</source>
        <translation>Шөнө (18:00 – 05:59)</translation>
    </message>
    <message>
        <source>Specific Time</source>
        <translation>Тодорхой цагт</translation>
    </message>
    <message>
        <source>Billing information:</source>
        <translation>Төлбөрийн мэдээлэл:</translation>
    </message>
    <message>
        <source>Scheduled printing:</source>
        <translation>Хуваарьт хэвлэлт:</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Нууц</translation>
    </message>
    <message>
        <source>Top Secret</source>
        <translation>Маш нууц</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Эхлэл:</translation>
    </message>
    <message>
        <source>Day (06:00 to 17:59)</source>
        <translation>Өдөр (06:00 – 17:59)</translation>
    </message>
    <message>
        <source>Second Shift (16:00 to 23:59)</source>
        <translation>Хоёрдугаар ээлж (16:00 – 23:59)</translation>
    </message>
    <message>
        <source>Job Control</source>
        <translation>Ажлын удирдлага</translation>
    </message>
    <message>
        <source>Weekend (Saturday to Sunday)</source>
        <translation>Амралтын өдөр (Бямба – Ням)</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Стандарт</translation>
    </message>
    <message>
        <source>Classified</source>
        <translation>Нууцын зэрэглэлтэй</translation>
    </message>
    <message>
        <source>Third Shift (00:00 to 07:59)</source>
        <translation>Гуравдугаар ээлж (00:00 – 07:59)</translation>
    </message>
    <message>
        <source>Hold Indefinitely</source>
        <translation>Хугацаагүй хойшлуулах</translation>
    </message>
    <message>
        <source>Print Immediately</source>
        <translation>Шууд хэвлэх</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Хязгаарлагдмал</translation>
    </message>
    <message>
        <source>Job priority:</source>
        <translation>Ажлын эрэмбэ:</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Нууцын зэрэглэлгүй</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Дэлгэрэнгүйг харуулах...</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Qt-ийн тухай</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Дэлгэрэнгүйг нуух...</translation>
    </message>
    <message>
        <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Qt-ийн тухай&lt;/h3&gt;&lt;p&gt;Энэ программ Qt-ийн %1 хувилбарыг ашигладаг.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Qt is a C++ toolkit for cross-platform application development.&lt;/p&gt;&lt;p&gt;Qt provides single-source portability across all major desktop operating systems. It is also available for embedded Linux and other embedded and mobile operating systems.&lt;/p&gt;&lt;p&gt;Qt is available under multiple licensing options designed to accommodate the needs of our various users.&lt;/p&gt;&lt;p&gt;Qt licensed under our commercial license agreement is appropriate for development of proprietary/commercial software where you do not want to share any source code with third parties or otherwise cannot comply with the terms of GNU (L)GPL.&lt;/p&gt;&lt;p&gt;Qt licensed under GNU (L)GPL is appropriate for the development of Qt&amp;nbsp;applications provided you can comply with the terms and conditions of the respective licenses.&lt;/p&gt;&lt;p&gt;Please see &lt;a href=&quot;http://%2/&quot;&gt;%2&lt;/a&gt; for an overview of Qt licensing.&lt;/p&gt;&lt;p&gt;Copyright (C) %1 The Qt Company Ltd and other contributors.&lt;/p&gt;&lt;p&gt;Qt and the Qt logo are trademarks of The Qt Company Ltd.&lt;/p&gt;&lt;p&gt;Qt is The Qt Company Ltd product developed as an open source project. See &lt;a href=&quot;http://%3/&quot;&gt;%3&lt;/a&gt; for more information.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qt бол олон платформд ажиллах программ хөгжүүлэхэд зориулсан C++ хэрэгслийн багц юм.&lt;/p&gt;&lt;p&gt;Qt нь нэг эх кодыг ширээний бүх томоохон үйлдлийн системд ажиллуулах боломж олгодог. Мөн суулгагдсан Linux болон бусад суулгагдсан болон гар утасны үйлдлийн системд ашиглах боломжтой.&lt;/p&gt;&lt;p&gt;Qt нь олон төрлийн хэрэглэгчдийн хэрэгцээнд нийцүүлсэн хэд хэдэн лицензийн нөхцөлөөр түгээгддэг.&lt;/p&gt;&lt;p&gt;Манай арилжааны лицензийн гэрээгээр лицензжүүлсэн Qt нь эх кодоо гуравдагч этгээдтэй хуваалцахыг хүсэхгүй, эсвэл GNU (L)GPL-ийн нөхцөлийг биелүүлэх боломжгүй тохиолдолд өмчийн/арилжааны программ хангамж хөгжүүлэхэд тохиромжтой.&lt;/p&gt;&lt;p&gt;GNU (L)GPL-ээр лицензжүүлсэн Qt нь холбогдох лицензийн нөхцөл, шаардлагыг биелүүлэх боломжтой бол Qt&amp;nbsp;программ хөгжүүлэхэд тохиромжтой.&lt;/p&gt;&lt;p&gt;Qt-ийн лицензийн тоймыг &lt;a href=&quot;http://%2/&quot;&gt;%2&lt;/a&gt; хаягаас үзнэ үү.&lt;/p&gt;&lt;p&gt;Зохиогчийн эрх (C) %1 The Qt Company Ltd болон бусад хувь нэмэр оруулагчид.&lt;/p&gt;&lt;p&gt;Qt болон Qt-ийн лого нь The Qt Company Ltd-ийн барааны тэмдэг юм.&lt;/p&gt;&lt;p&gt;Qt бол нээлттэй эхийн төсөл хэлбэрээр хөгжүүлсэн The Qt Company Ltd-ийн бүтээгдэхүүн юм. Дэлгэрэнгүй мэдээллийг &lt;a href=&quot;http://%3/&quot;&gt;%3&lt;/a&gt; хаягаас үзнэ үү.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>Хай&amp;члах</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Хуулах</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Дахин хийх</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Буцаах</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Б&amp;уулгах</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Устгах</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Бүгдийг сонгох</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>Хай&amp;члах</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Хуулах</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Дахин хийх</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Буцаах</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Б&amp;уулгах</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Устгах</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Бүгдийг сонгох</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Х&amp;олбоосын хаягийг хуулах</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Хадгалах</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Х&amp;аах</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Хадгалахгүйгээр хаах</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Болих</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>What&apos;s This?</source>
        <translation>Энэ юу вэ?</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Утга оруулна уу:</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Бууруулах</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Өсгөх</translation>
    </message>
    <message>
        <source>&amp;Select All</source>
        <translation>Бүгдийг &amp;сонгох</translation>
    </message>
</context>
</TS>
