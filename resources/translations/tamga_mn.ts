<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="mn_MN">
<context>
    <name>DisplayNames</name>
    <message>
        <source>started</source>
        <translation>эхэлсэн</translation>
    </message>
    <message>
        <source>token prepared</source>
        <translation>токен бэлтгэсэн</translation>
    </message>
    <message>
        <source>key made on the token</source>
        <translation>токен дээр түлхүүр үүсгэсэн</translation>
    </message>
    <message>
        <source>request signed</source>
        <translation>хүсэлтэд гарын үсэг зурсан</translation>
    </message>
    <message>
        <source>waiting for the CA</source>
        <translation>гэрчилгээ олгогчийн хариуг хүлээж байна</translation>
    </message>
    <message>
        <source>certificate received</source>
        <translation>гэрчилгээ ирсэн</translation>
    </message>
    <message>
        <source>certificate written to the token</source>
        <translation>гэрчилгээг токенд бичсэн</translation>
    </message>
    <message>
        <source>verified, to be handed over</source>
        <translation>шалгасан, хүлээлгэн өгөхөд бэлэн</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>хүлээлгэн өгсөн</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>амжилтгүй</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>цуцалсан</translation>
    </message>
    <message>
        <source>operator added</source>
        <translation>ажилтан нэмсэн</translation>
    </message>
    <message>
        <source>sign-in</source>
        <translation>нэвтрэлт</translation>
    </message>
    <message>
        <source>action refused to the operator's role</source>
        <translation>ажилтны эрхээр зөвшөөрөгдөөгүй үйлдэл</translation>
    </message>
    <message>
        <source>organization added</source>
        <translation>байгууллага нэмсэн</translation>
    </message>
    <message>
        <source>officer added</source>
        <translation>албан хаагч нэмсэн</translation>
    </message>
    <message>
        <source>officer's record changed</source>
        <translation>албан хаагчийн мэдээллийг өөрчилсөн</translation>
    </message>
    <message>
        <source>officers imported</source>
        <translation>албан хаагчдыг импортолсон</translation>
    </message>
    <message>
        <source>setting changed</source>
        <translation>тохиргоо өөрчилсөн</translation>
    </message>
    <message>
        <source>CA connector added</source>
        <translation>гэрчилгээ олгогчийн холболт нэмсэн</translation>
    </message>
    <message>
        <source>trust anchor added</source>
        <translation>итгэмжлэгдсэн үндсэн гэрчилгээ нэмсэн</translation>
    </message>
    <message>
        <source>certificate profile added</source>
        <translation>гэрчилгээний төрөл нэмсэн</translation>
    </message>
    <message>
        <source>receipt printed</source>
        <translation>акт хэвлэсэн</translation>
    </message>
    <message>
        <source>requests exported for the CA</source>
        <translation>хүсэлтүүдийг гэрчилгээ олгогчид гаргасан</translation>
    </message>
    <message>
        <source>certificates imported from the CA</source>
        <translation>гэрчилгээ олгогчоос гэрчилгээ оруулсан</translation>
    </message>
    <message>
        <source>token initialized</source>
        <translation>токен тохируулсан</translation>
    </message>
    <message>
        <source>token PIN changed</source>
        <translation>токены ПИН код сольсон</translation>
    </message>
    <message>
        <source>token PIN unblocked</source>
        <translation>токены ПИН кодын түгжээг тайлсан</translation>
    </message>
    <message>
        <source>key made on a token</source>
        <translation>токен дээр түлхүүр үүсгэсэн</translation>
    </message>
    <message>
        <source>key deleted from a token</source>
        <translation>токеноос түлхүүр устгасан</translation>
    </message>
    <message>
        <source>enrollment: %1</source>
        <translation>бүртгэл: %1</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Гарын үсэг</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Нэвтрэлт</translation>
    </message>
    <message>
        <source>Digital signature of documents (non-repudiation)</source>
        <translation>Баримт бичигт тоон гарын үсэг зурах (няцаашгүй байдал)</translation>
    </message>
    <message>
        <source>Sign-in to systems and protected e-mail</source>
        <translation>Системд нэвтрэх, хамгаалагдсан цахим шуудан</translation>
    </message>
    <message>
        <source>token erased and initialized</source>
        <translation>токеныг арилгаж дахин тохируулсан</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>ахлах ажилтан</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>ажилтан</translation>
    </message>
    <message>
        <source>done</source>
        <translation>хийсэн</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>татгалзсан</translation>
    </message>
    <message>
        <source>in stock</source>
        <translation>агуулахад</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>бэлтгэсэн</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>олгосон</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>буцаасан</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>алдагдсан</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>түгжигдсэн</translation>
    </message>
    <message>
        <source>wiped, ready again</source>
        <translation>арилгасан, дахин бэлэн</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>ашиглалтаас гарсан</translation>
    </message>
    <message>
        <source>received, awaits a second supervisor</source>
        <translation>хүлээн авсан, хоёр дахь ахлах ажилтны зөвшөөрөл хүлээж байна</translation>
    </message>
    <message>
        <source>approved, to be sent to the CA</source>
        <translation>зөвшөөрсөн, гэрчилгээ олгогч руу илгээнэ</translation>
    </message>
    <message>
        <source>sent, awaits the CA's confirmation</source>
        <translation>илгээсэн, гэрчилгээ олгогчийн баталгааг хүлээж байна</translation>
    </message>
    <message>
        <source>revoked, confirmed by the CA</source>
        <translation>хүчингүй болсон, гэрчилгээ олгогч баталсан</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>буцаан авсан</translation>
    </message>
    <message>
        <source>key compromised or token lost</source>
        <translation>түлхүүр задарсан буюу токен алдагдсан</translation>
    </message>
    <message>
        <source>left the post or the organization</source>
        <translation>ажлын байр, байгууллага өөрчлөгдсөн</translation>
    </message>
    <message>
        <source>replaced by a new certificate</source>
        <translation>шинэ гэрчилгээгээр солигдсон</translation>
    </message>
    <message>
        <source>the organization ceased to operate</source>
        <translation>үйл ажиллагаа зогссон</translation>
    </message>
    <message>
        <source>signing right withdrawn</source>
        <translation>эрх хасагдсан</translation>
    </message>
    <message>
        <source>suspended for now</source>
        <translation>түр зогсоосон</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>шалтгаан заагаагүй</translation>
    </message>
    <message>
        <source>old key deleted after a renewal</source>
        <translation>сунгалтын дараа хуучин түлхүүр устгасан</translation>
    </message>
    <message>
        <source>renewal started</source>
        <translation>сунгалт эхэлсэн</translation>
    </message>
    <message>
        <source>renewal completed</source>
        <translation>сунгалт дууссан</translation>
    </message>
</context>
<context>
    <name>EnrollmentWizard</name>
    <message>
        <source>Officer</source>
        <translation>Албан хаагч</translation>
    </message>
    <message>
        <source>Find the officer in the registry: type part of a name, the civil ID or the organization, or scan the civil ID.</source>
        <translation>Албан хаагчийг бүртгэлээс хайна уу: нэр, регистрийн дугаар эсвэл байгууллагын нэрийн хэсгийг бичих, эсвэл регистрийн дугаарыг уншуулна уу.</translation>
    </message>
    <message>
        <source>Search (Cyrillic or Latin)…</source>
        <translation>Хайх (кирилл эсвэл латин)…</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Овог</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Нэр</translation>
    </message>
    <message>
        <source>Civil ID</source>
        <translation>Регистрийн дугаар</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Албан тушаал</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Байгууллага</translation>
    </message>
    <message>
        <source>Check the data</source>
        <translation>Мэдээллийг шалгах</translation>
    </message>
    <message>
        <source>Read the record to the officer. The certificate will carry exactly the subject below.</source>
        <translation>Бүртгэлийн мэдээллийг албан хаагчид уншиж өгнө үү. Гэрчилгээнд доорх мэдээлэл яг ийм хэлбэрээр орно.</translation>
    </message>
    <message>
        <source>Certificate &amp;profile:</source>
        <translation>Гэрчилгээний &amp;төрөл:</translation>
    </message>
    <message>
        <source>Certification &amp;authority:</source>
        <translation>Гэрчилгээ &amp;олгогч байгууллага:</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Талбар</translation>
    </message>
    <message>
        <source>ASN.1 type</source>
        <translation>ASN.1 төрөл</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Утга</translation>
    </message>
    <message>
        <source>E-token</source>
        <translation>Э-токен</translation>
    </message>
    <message>
        <source>Plug the officer's e-token in. It is recognised as soon as it is inserted.</source>
        <translation>Албан хаагчийн э-токеныг залгана уу. Залгамагц танигдана.</translation>
    </message>
    <message>
        <source>%1 — %2 (serial %3)</source>
        <translation>%1 — %2 (дугаар %3)</translation>
    </message>
    <message>
        <source>New token — %1 (not initialized)</source>
        <translation>Шинэ токен — %1 (тохируулаагүй)</translation>
    </message>
    <message>
        <source>No token is plugged in.</source>
        <translation>Токен залгаагүй байна.</translation>
    </message>
    <message>
        <source>Choose the officer's token.</source>
        <translation>Албан хаагчийн токеныг сонгоно уу.</translation>
    </message>
    <message>
        <source>This token is new: it will be initialized on the next page.</source>
        <translation>Энэ токен шинэ: дараагийн хуудсанд тохируулна.</translation>
    </message>
    <message>
        <source>This token's PIN is blocked: a supervisor must unblock it, or initialize it again.</source>
        <translation>Энэ токены ПИН код түгжигдсэн: ахлах ажилтан түгжээг тайлах эсвэл токеныг дахин тохируулах шаардлагатай.</translation>
    </message>
    <message>
        <source>Token ready. PIN length %1 to %2.</source>
        <translation>Токен бэлэн. ПИН кодын урт %1–%2.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>ПИН код</translation>
    </message>
    <message>
        <source>The officer chooses the PIN and types it twice. Nobody else should see it.</source>
        <translation>Албан хаагч ПИН кодоо өөрөө сонгож хоёр удаа бичнэ. Бусад хүн харах ёсгүй.</translation>
    </message>
    <message>
        <source>Token &amp;label:</source>
        <translation>Токены &amp;нэр:</translation>
    </message>
    <message>
        <source>SO PIN &amp;again:</source>
        <translation>SO ПИН да&amp;втах:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;ПИН код:</translation>
    </message>
    <message>
        <source>PIN a&amp;gain:</source>
        <translation>ПИН код д&amp;автах:</translation>
    </message>
    <message>
        <source>%1 to %2 digits; not one digit repeated (111111) and not a run (123456).</source>
        <translation>%1–%2 оронтой тоо; нэг цифрийг давтсан (111111) эсвэл дараалсан (123456) байж болохгүй.</translation>
    </message>
    <message>
        <source>The two PINs differ. Type them again.</source>
        <translation>Хоёр ПИН код таарахгүй байна. Дахин бичнэ үү.</translation>
    </message>
    <message>
        <source>The two SO PINs differ or are too short.</source>
        <translation>Хоёр SO ПИН таарахгүй эсвэл хэт богино байна.</translation>
    </message>
    <message>
        <source>The token label must be 1 to 32 bytes long.</source>
        <translation>Токены нэр 1–32 байт урттай байх ёстой.</translation>
    </message>
    <message>
        <source>Issuing the certificate</source>
        <translation>Гэрчилгээ олгож байна</translation>
    </message>
    <message>
        <source>The key is made on the token; the certificate comes from the CA and is written back. The window stays usable; the token must stay plugged in.</source>
        <translation>Түлхүүрийг токен дээр үүсгэж, гэрчилгээг гэрчилгээ олгогчоос авч токенд бичнэ. Цонх ашиглах боломжтой хэвээр; токеныг салгаж болохгүй.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>Дахин &amp;оролдох</translation>
    </message>
    <message>
        <source>Token prepared</source>
        <translation>Токен бэлтгэгдсэн</translation>
    </message>
    <message>
        <source>Key pair generated on the token</source>
        <translation>Түлхүүрийн хос токен дээр үүссэн</translation>
    </message>
    <message>
        <source>Request signed on the token</source>
        <translation>Хүсэлтийг токеноор гарын үсэг зурсан</translation>
    </message>
    <message>
        <source>Request sent to the CA</source>
        <translation>Хүсэлтийг гэрчилгээ олгогчид илгээсэн</translation>
    </message>
    <message>
        <source>Certificate received and checked</source>
        <translation>Гэрчилгээг хүлээн авч шалгасан</translation>
    </message>
    <message>
        <source>Certificate and chain written to the token</source>
        <translation>Гэрчилгээ болон гинжийг токенд бичсэн</translation>
    </message>
    <message>
        <source>Token read back and verified</source>
        <translation>Токеныг дахин уншиж баталгаажуулсан</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Ажиллаж байна…</translation>
    </message>
    <message>
        <source>The certificate is on the token and verified.</source>
        <translation>Гэрчилгээ токенд бичигдэж, баталгаажсан.</translation>
    </message>
    <message>
        <source>The request waits for the CA (state: %1). Resume the enrollment when the certificate has come back.</source>
        <translation>Хүсэлт гэрчилгээ олгогчийн хариуг хүлээж байна (төлөв: %1). Гэрчилгээ ирмэгц бүртгэлийг үргэлжлүүлнэ үү.</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>эхлээгүй</translation>
    </message>
    <message>
        <source>Handover receipt</source>
        <translation>Хүлээлгэн өгөх, хүлээн авах акт</translation>
    </message>
    <message>
        <source>Print both copies. The officer and you sign them.</source>
        <translation>Хоёр хувь хэвлэнэ үү. Албан хаагч болон та гарын үсэг зурна.</translation>
    </message>
    <message>
        <source>Print p&amp;review…</source>
        <translation>Хэвлэхийн өмнө &amp;харах…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>P&amp;DF болгож хадгалах…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, %2&lt;br&gt;Certificate %3&lt;br&gt;Token %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2&lt;br&gt;Гэрчилгээ %3&lt;br&gt;Токен %4</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>Хүлээлгэн өгөх</translation>
    </message>
    <message>
        <source>The officer &amp;signed both copies and took the token</source>
        <translation>Албан хаагч хоёр хувьд &amp;гарын үсэг зурж, токеныг хүлээн авсан</translation>
    </message>
    <message>
        <source>The PIN must be %1 to %2 digits long.</source>
        <translation>ПИН код %1–%2 оронтой байх ёстой.</translation>
    </message>
    <message>
        <source>The PIN may only contain digits.</source>
        <translation>ПИН код зөвхөн цифрээс тогтоно.</translation>
    </message>
    <message>
        <source>The PIN must not repeat one digit (like 111111).</source>
        <translation>ПИН код нэг цифрийг давтаж болохгүй (жишээ нь 111111).</translation>
    </message>
    <message>
        <source>The PIN must not be a run of consecutive digits (like 123456).</source>
        <translation>ПИН код дараалсан цифр байж болохгүй (жишээ нь 123456).</translation>
    </message>
    <message>
        <source>&amp;Erase the token and start clean (its keys and certificates are lost)</source>
        <translation>Токеныг &amp;цэвэрлэж шинээр эхлэх (доторх түлхүүр, гэрчилгээ устана)</translation>
    </message>
    <message>
        <source>The PIN is wrong.</source>
        <translation>ПИН код буруу байна.</translation>
    </message>
    <message>
        <source>The PIN is blocked: a supervisor must unblock it.</source>
        <translation>ПИН код түгжигдсэн: ахлах ажилтан түгжээг тайлна.</translation>
    </message>
    <message>
        <source>The token was removed. Plug it in again and press Try again.</source>
        <translation>Токеныг салгасан байна. Дахин залгаад "Дахин оролдох"-г дарна уу.</translation>
    </message>
    <message>
        <source>The token is not plugged in.</source>
        <translation>Токен залгаагүй байна.</translation>
    </message>
    <message>
        <source>The token is full.</source>
        <translation>Токены санах ой дүүрсэн.</translation>
    </message>
    <message>
        <source>This token cannot make this kind of key.</source>
        <translation>Энэ токен ийм төрлийн түлхүүр үүсгэж чадахгүй.</translation>
    </message>
    <message>
        <source>The token refused the operation.</source>
        <translation>Токен үйлдлийг гүйцэтгэсэнгүй.</translation>
    </message>
    <message>
        <source>The certification authority cannot be reached.</source>
        <translation>Гэрчилгээ олгогчтой холбогдож чадсангүй.</translation>
    </message>
    <message>
        <source>The certification authority refused the request.</source>
        <translation>Гэрчилгээ олгогч хүсэлтийг татгалзсан.</translation>
    </message>
    <message>
        <source>The certification authority's answer could not be read.</source>
        <translation>Гэрчилгээ олгогчийн хариуг уншиж чадсангүй.</translation>
    </message>
    <message>
        <source>The certificate from the certification authority failed the checks.</source>
        <translation>Гэрчилгээ олгогчоос ирсэн гэрчилгээ шалгалтад тэнцсэнгүй.</translation>
    </message>
    <message>
        <source>The desk's database could not be written.</source>
        <translation>Ширээний өгөгдлийн санд бичиж чадсангүй.</translation>
    </message>
    <message>
        <source>The enrollment stopped.</source>
        <translation>Бүртгэл зогссон.</translation>
    </message>
    <message>
        <source>%1
%2

Nothing is lost: the enrollment stays at "%3" and can be resumed.</source>
        <translation>%1
%2

Юу ч алдагдаагүй: бүртгэл "%3" төлөвт хадгалагдсан, үргэлжлүүлэх боломжтой.</translation>
    </message>
    <message numerus="yes">
        <source>%n officers match: choose one (arrow keys or a click), then Next.</source>
        <translation><numerusform>%n албан хаагч тохирч байна: нэгийг нь сонгоод (сум товч эсвэл хулганаар) "Дараах"-г дарна уу.</numerusform><numerusform>%n албан хаагч тохирч байна: нэгийг нь сонгоод (сум товч эсвэл хулганаар) "Дараах"-г дарна уу.</numerusform></translation>
    </message>
    <message>
        <source>Nobody in the registry matches.</source>
        <translation>Бүртгэлд тохирох хүн алга.</translation>
    </message>
    <message>
        <source>The officer &amp;confirmed that these data are right</source>
        <translation>Албан хаагч энэ мэдээлэл зөв болохыг &amp;зөвшөөрсөн</translation>
    </message>
    <message>
        <source>This officer already holds a valid %1 certificate (enrollment #%2, valid until %3, token %4). Go on only if a second one is really wanted.</source>
        <translation>Энэ албан хаагч хүчинтэй "%1" гэрчилгээтэй байна (бүртгэл #%2, %3 хүртэл хүчинтэй, токен %4). Хоёр дахийг үнэхээр хүсвэл л үргэлжлүүлнэ үү.</translation>
    </message>
    <message>
        <source>holds the key of %1</source>
        <translation>%1-ийн түлхүүртэй</translation>
    </message>
    <message>
        <source>This token already holds a key of this officer (enrollment #%1). Keep it and add the new key, or erase the token first.</source>
        <translation>Энэ токенд энэ албан хаагчийн түлхүүр аль хэдийн байна (бүртгэл #%1). Түүнийг үлдээж шинэ түлхүүр нэмэх, эсвэл эхлээд токеныг арилгана уу.</translation>
    </message>
    <message>
        <source>This token holds the key of another officer: %1 (enrollment #%2). It can be used only after it is erased.%3</source>
        <translation>Энэ токенд өөр албан хаагчийн түлхүүр байна: %1 (бүртгэл #%2). Зөвхөн арилгасны дараа ашиглаж болно.%3</translation>
    </message>
    <message>
        <source>Only a supervisor may erase it.</source>
        <translation>Зөвхөн ахлах ажилтан арилгаж болно.</translation>
    </message>
    <message>
        <source>This token holds keys made by Tamga that the desk has no record of: %1. It can be used only after it is erased.%2</source>
        <translation>Энэ токенд ширээний бүртгэлд байхгүй, Tamga-аар үүсгэсэн түлхүүр байна: %1. Зөвхөн арилгасны дараа ашиглаж болно.%2</translation>
    </message>
    <message>
        <source>Erase the token</source>
        <translation>Токеныг арилгах</translation>
    </message>
    <message>
        <source>Erase token %1? Every key and certificate on it is lost for good, and its owner can no longer sign with it.</source>
        <translation>%1 токеныг арилгах уу? Доторх бүх түлхүүр, гэрчилгээ бүрмөсөн устаж, эзэмшигч нь түүгээр гарын үсэг зурах боломжгүй болно.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Эхлүүлэх</translation>
    </message>
    <message>
        <source>The officer types the PIN this token already has. Nobody else should see it.</source>
        <translation>Албан хаагч энэ токены одоо байгаа ПИН кодыг оруулна. Өөр хэн ч харах ёсгүй.</translation>
    </message>
    <message>
        <source>Officer: &lt;b&gt;%1&lt;/b&gt; · token &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Албан хаагч: &lt;b&gt;%1&lt;/b&gt; · токен &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>new token</source>
        <translation>шинэ токен</translation>
    </message>
    <message>
        <source>The token takes PINs of %1 to %2 characters.</source>
        <translation>Энэ токен %1-%2 тэмдэгттэй ПИН код хүлээн авна.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Хадгалсан: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %2&lt;/b&gt; — %3&lt;br&gt;%4&lt;br&gt;Civil ID &lt;b&gt;%5&lt;/b&gt;%6</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt; — %3&lt;br&gt;%4&lt;br&gt;Регистр &lt;b&gt;%5&lt;/b&gt;%6</translation>
    </message>
    <message>
        <source>Erase token %1 of %2? Every key and certificate on it is lost for good, and %2 can no longer sign with it.</source>
        <translation>%2-ийн %1 токеныг арилгах уу? Доторх бүх түлхүүр, гэрчилгээ бүрмөсөн устаж, %2 түүгээр гарын үсэг зурах боломжгүй болно.</translation>
    </message>
    <message>
        <source>Two plugged-in tokens cannot be told apart. Leave only one plugged in.</source>
        <translation>Залгасан хоёр токеныг ялгах боломжгүй байна. Зөвхөн нэгийг нь залгаатай үлдээнэ үү.</translation>
    </message>
    <message>
        <source>Once both copies are signed, the officer signs the acceptance with the token and their own PIN: the first signature proves that token, PIN and certificate work together.</source>
        <translation>Хоёр хувь дээр гарын үсэг зурсны дараа албан хаагч токен болон өөрийн ПИН кодоор хүлээн авснаа гарын үсгээр баталгаажуулна: энэ анхны гарын үсэг токен, ПИН код, гэрчилгээ хамтдаа ажиллаж буйг нотолно.</translation>
    </message>
    <message>
        <source>The officer's &amp;PIN:</source>
        <translation>Албан хаагчийн &amp;ПИН код:</translation>
    </message>
    <message>
        <source>Sign with the token (&amp;W)</source>
        <translation>Токеноор гарын үсэг &amp;зурах</translation>
    </message>
    <message>
        <source>The token is signing…</source>
        <translation>Токен гарын үсэг зурж байна…</translation>
    </message>
    <message>
        <source>The officer's first signature was made on the token and verified. The token is the officer's.</source>
        <translation>Албан хаагчийн анхны гарын үсгийг токен дээр зурж, шалгалаа. Токен одоо албан хаагчийнх.</translation>
    </message>
    <message>
        <source>The acceptance could not be signed.</source>
        <translation>Хүлээн авснаа баталгаажуулах гарын үсэг зурж чадсангүй.</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>S&amp;O PIN (supervisor):</source>
        <translation>&amp;SO ПИН (ахлах ажилтан):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New enrollment  (Ctrl+N)</source>
        <translation>Ш&amp;инэ бүртгэл  (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search by name, civil ID or organization (Cyrillic or Latin)…</source>
        <translation>Нэр, регистрийн дугаар эсвэл байгууллагаар хайх (кирилл эсвэл латин)…</translation>
    </message>
    <message>
        <source>&amp;Add officer…</source>
        <translation>Албан хаагч &amp;нэмэх…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;оруулах…</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Байгууллагууд</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Овог</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Нэр</translation>
    </message>
    <message>
        <source>Civil ID</source>
        <translation>Регистрийн дугаар</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Албан тушаал</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Байгууллага</translation>
    </message>
    <message>
        <source>Officer list</source>
        <translation>Албан хаагчдын жагсаалт</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файл (*.csv)</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>Бүх байгууллага</translation>
    </message>
    <message>
        <source>Add officer</source>
        <translation>Албан хаагч нэмэх</translation>
    </message>
    <message>
        <source>&amp;Surname:</source>
        <translation>&amp;Овог:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Нэр:</translation>
    </message>
    <message>
        <source>&amp;Civil ID:</source>
        <translation>&amp;Регистрийн дугаар:</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>Албан &amp;тушаал:</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Хэлтэс:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Цахим шуудан:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Утас:</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Байгууллага:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Оруулах</translation>
    </message>
    <message>
        <source>line %1, %2: %3</source>
        <translation>%1-р мөр, %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the file: nothing was imported.</source>
        <translation><numerusform>Файлд %n алдаа байна: юу ч оруулаагүй.</numerusform><numerusform>Файлд %n алдаа байна: юу ч оруулаагүй.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing to change: all %n row(s) are in the registry already.</source>
        <translation><numerusform>Өөрчлөх зүйлгүй: %n мөр бүгд бүртгэлд байна.</numerusform><numerusform>Өөрчлөх зүйлгүй: %n мөр бүгд бүртгэлд байна.</numerusform></translation>
    </message>
    <message>
        <source>%1 rows: %2 new officers, %3 updated, %4 unchanged, %5 new organizations. Import them?</source>
        <translation>%1 мөр: %2 шинэ албан хаагч, %3 шинэчлэгдэх, %4 өөрчлөлтгүй, %5 шинэ байгууллага. Оруулах уу?</translation>
    </message>
    <message>
        <source>The file changed in the meantime; nothing was imported.</source>
        <translation>Энэ хооронд файл өөрчлөгдсөн тул юу ч оруулаагүй.</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Дугаар</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Нэр</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Загвар</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Төлөв</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>ПИН код</translation>
    </message>
    <message>
        <source>&amp;Initialize…</source>
        <translation>Т&amp;охируулах…</translation>
    </message>
    <message>
        <source>&amp;Change PIN…</source>
        <translation>ПИН &amp;солих…</translation>
    </message>
    <message>
        <source>Supervisors only</source>
        <translation>Зөвхөн ахлах ажилтан</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>Хийгдлээ. %1</translation>
    </message>
    <message>
        <source>Initialize token</source>
        <translation>Токен тохируулах</translation>
    </message>
    <message>
        <source>Token label:</source>
        <translation>Токены нэр:</translation>
    </message>
    <message>
        <source>New SO PIN:</source>
        <translation>Шинэ SO ПИН:</translation>
    </message>
    <message>
        <source>New user PIN:</source>
        <translation>Хэрэглэгчийн шинэ ПИН:</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>ПИН солих</translation>
    </message>
    <message>
        <source>Current PIN:</source>
        <translation>Одоогийн ПИН:</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>Шинэ ПИН:</translation>
    </message>
    <message>
        <source>Unblock PIN</source>
        <translation>ПИН түгжээ тайлах</translation>
    </message>
    <message>
        <source>SO PIN:</source>
        <translation>SO ПИН:</translation>
    </message>
    <message>
        <source>not initialized</source>
        <translation>тохируулаагүй</translation>
    </message>
    <message>
        <source>PIN blocked</source>
        <translation>ПИН түгжигдсэн</translation>
    </message>
    <message>
        <source>no user PIN</source>
        <translation>хэрэглэгчийн ПИН байхгүй</translation>
    </message>
    <message>
        <source>PIN: final try</source>
        <translation>ПИН: сүүлийн оролдлого</translation>
    </message>
    <message>
        <source>PIN: few tries left</source>
        <translation>ПИН: цөөн оролдлого үлдсэн</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>бэлэн</translation>
    </message>
    <message>
        <source>%1–%2 characters</source>
        <translation>%1–%2 тэмдэгт</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Бүх төлөв</translation>
    </message>
    <message>
        <source>Organization…</source>
        <translation>Байгууллага…</translation>
    </message>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Албан хаагч</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Токен</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Төрөл</translation>
    </message>
    <message>
        <source>CA</source>
        <translation>Гэрчилгээ олгогч</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Гэрчилгээ</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Шинэчилсэн</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Шүүх…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Дахин ачаалах</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Цаг</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Ажилтан</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Үйлдэл</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Үр дүн</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Дэлгэрэнгүй</translation>
    </message>
    <message>
        <source>The audit log is intact: %1 events. Chain head %2</source>
        <translation>Аудитын бүртгэл бүрэн бүтэн: %1 үйл явдал. Гинжийн төгсгөл %2</translation>
    </message>
    <message>
        <source>TAMPERED: %1</source>
        <translation>ӨӨРЧЛӨГДСӨН: %1</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Системийн хэл</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Хэл:</translation>
    </message>
    <message>
        <source>The language changes the next time Tamga starts.</source>
        <translation>Хэл нь Тамгыг дараа нээхэд солигдоно.</translation>
    </message>
    <message>
        <source>PKCS#11 modules (p11-kit):</source>
        <translation>PKCS#11 модулиуд (p11-kit):</translation>
    </message>
    <message>
        <source>CA connectors:</source>
        <translation>Гэрчилгээ олгогчийн холболт:</translation>
    </message>
    <message>
        <source>Asking the CA…</source>
        <translation>Гэрчилгээ олгогчоос асууж байна…</translation>
    </message>
    <message>
        <source>Trust anchors:</source>
        <translation>Итгэмжлэгдсэн үндсэн гэрчилгээ:</translation>
    </message>
    <message>
        <source>Certificate profiles:</source>
        <translation>Гэрчилгээний төрлүүд:</translation>
    </message>
    <message>
        <source>Edit officer</source>
        <translation>Албан хаагчийн мэдээлэл засах</translation>
    </message>
    <message>
        <source>The desk uses %1 from its next start.</source>
        <translation>Ширээ дараагийн удаа нээхээс %1-г ашиглана.</translation>
    </message>
    <message>
        <source>Civil ID of an officer, for the subject preview</source>
        <translation>Гэрчилгээний мэдээллийг урьдчилан харах албан хаагчийн регистрийн дугаар</translation>
    </message>
    <message>
        <source>Subject &amp;preview for:</source>
        <translation>Урьдч&amp;илан харах:</translation>
    </message>
    <message>
        <source>installed by hand, no package</source>
        <translation>гараар суулгасан, багцгүй</translation>
    </message>
    <message>
        <source>package %1</source>
        <translation>%1 багц</translation>
    </message>
    <message>
        <source>The database could not be read: %1</source>
        <translation>Мэдээллийн санг уншиж чадсангүй: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Хадгалсангүй: %1</translation>
    </message>
    <message>
        <source>Campaign: %1 officers registered · %2 started · %3 with the certificate on the token · %4 handed over</source>
        <translation>Аян: %1 албан хаагч бүртгэгдсэн · %2 эхэлсэн · %3 гэрчилгээ токенд · %4 хүлээлгэн өгсөн</translation>
    </message>
    <message>
        <source>%1 of %2 handed over (%p%)</source>
        <translation>%2-оос %1 хүлээлгэн өгсөн (%p%)</translation>
    </message>
    <message>
        <source>#%1  %2 — %3</source>
        <translation>#%1  %2 — %3</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 on the token, %4 handed over</source>
        <translation>%1 — %3-аас %2 токенд, %4 хүлээлгэн өгсөн</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Enrollments to f&amp;inish (%1)</source>
        <translation>&amp;Дуусгах бүртгэл (%1)</translation>
    </message>
    <message>
        <source>Certificates to &amp;write back (%1)</source>
        <translation>Бичих гэ&amp;рчилгээ (%1)</translation>
    </message>
    <message>
        <source>Waiting for &amp;hand-over (%1)</source>
        <translation>&amp;Хүлээлгэн өгөх (%1)</translation>
    </message>
    <message>
        <source>&amp;Batches open (%1)</source>
        <translation>&amp;Нээлттэй багц (%1)</translation>
    </message>
    <message>
        <source>Or&amp;ganizations not started (%1)</source>
        <translation>&amp;Эхлээгүй байгууллага (%1)</translation>
    </message>
    <message>
        <source>Token stoc&amp;k</source>
        <translation>Токены нөө&amp;ц</translation>
    </message>
    <message>
        <source>%1 of %2 not started — %3</source>
        <translation>%2-оос %1 эхлээгүй — %3</translation>
    </message>
    <message>
        <source>Campaign progress</source>
        <translation>Аяны явц</translation>
    </message>
    <message>
        <source>Daily summary</source>
        <translation>Өдрийн тойм</translation>
    </message>
    <message>
        <source>Token stock and revocations</source>
        <translation>Токены нөөц ба хүчингүй болголт</translation>
    </message>
    <message>
        <source>Re&amp;port:</source>
        <translation>Тайлангийн &amp;нэр:</translation>
    </message>
    <message>
        <source>Da&amp;y:</source>
        <translation>&amp;Өдөр:</translation>
    </message>
    <message>
        <source>Pr&amp;int preview…</source>
        <translation>&amp;Хэвлэхийн өмнө харах…</translation>
    </message>
    <message>
        <source>Save as PD&amp;F…</source>
        <translation>PDF &amp;файлаар хадгалах…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Тайлан</translation>
    </message>
    <message>
        <source>Your pass&amp;word (unlocks the desk key that seals each token's PINs):</source>
        <translation>Таны нууц &amp;үг (токен бүрийн ПИН-ийг битүүмжлэх ширээний түлхүүрийг нээнэ):</translation>
    </message>
    <message>
        <source>The RA's S&amp;O PIN for new tokens:</source>
        <translation>Шинэ токены &amp;SO ПИН (БТ):</translation>
    </message>
    <message>
        <source>The officer's P&amp;IN:</source>
        <translation>Албан хаагчийн П&amp;ИН:</translation>
    </message>
    <message>
        <source>The officer's PIN a&amp;gain:</source>
        <translation>Албан хаагчийн ПИН д&amp;ахин:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Хаах</translation>
    </message>
    <message>
        <source>Batch session — %1</source>
        <translation>Багц ажил — %1</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;%2 · profile %3 · CA %4</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;%2 · төрөл %3 · ГБ %4</translation>
    </message>
    <message>
        <source>the officers are at the desk</source>
        <translation>албан хаагчид ширээний дэргэд</translation>
    </message>
    <message>
        <source>tokens prepared before the officers come</source>
        <translation>албан хаагчдыг ирэхээс өмнө бэлтгэсэн токенууд</translation>
    </message>
    <message>
        <source>%1 of %2 with the certificate on the token</source>
        <translation>%2-оос %1 нь гэрчилгээтэй токентой</translation>
    </message>
    <message>
        <source>waiting for a token</source>
        <translation>токен хүлээж байна</translation>
    </message>
    <message>
        <source>Tokens prepared in advance get PINs only the desk knows: a supervisor runs this batch.</source>
        <translation>Урьдчилан бэлтгэх токены ПИН-ийг зөвхөн ширээ мэднэ: энэ багцыг ахлах ажилтан ажиллуулна.</translation>
    </message>
    <message>
        <source>Type the RA's SO PIN for new tokens, then Enter.</source>
        <translation>Шинэ токены SO ПИН-ийг бичээд Enter дарна уу.</translation>
    </message>
    <message>
        <source>Paused. Continue with Alt+S; the batch can also be continued another day.</source>
        <translation>Түр зогсов. Alt+Э-ээр үргэлжлүүлнэ; багцыг өөр өдөр ч үргэлжлүүлж болно.</translation>
    </message>
    <message>
        <source>&amp;Pause the session</source>
        <translation>&amp;Түр зогсоох</translation>
    </message>
    <message>
        <source>&amp;Start the session</source>
        <translation>&amp;Эхлүүлэх</translation>
    </message>
    <message>
        <source>Nothing waits for a token here. Certificates still at the CA are written when their tokens come back.</source>
        <translation>Токен хүлээж буй хүн алга. ГБ-д байгаа гэрчилгээг токен нь ирэхэд бичнэ.</translation>
    </message>
    <message>
        <source>%1's token stopped: %2. Plug it in again.</source>
        <translation>%1-ийн токен дээрх ажил зогсов: %2. Токеныг дахин залгана уу.</translation>
    </message>
    <message>
        <source>Plug the token in again, or another blank token.</source>
        <translation>Токеныг дахин залгах, эсвэл өөр шинэ токен залгана уу.</translation>
    </message>
    <message>
        <source>Plug in a blank token for %1.</source>
        <translation>%1-д шинэ токен залгана уу.</translation>
    </message>
    <message>
        <source>%1: type your PIN twice, then Enter.</source>
        <translation>%1: ПИН-ээ хоёр удаа бичээд Enter дарна уу.</translation>
    </message>
    <message>
        <source>The two PINs differ: type them again.</source>
        <translation>Хоёр ПИН ялгаатай байна: дахин бичнэ үү.</translation>
    </message>
    <message>
        <source>Working on the token for %1…</source>
        <translation>%1-ийн токен дээр ажиллаж байна…</translation>
    </message>
    <message>
        <source>Stopped: %1 The officer can be resumed when the token is back.</source>
        <translation>Зогсов: %1 Токен буцаж ирэхэд албан хаагчийн ажлыг үргэлжлүүлнэ.</translation>
    </message>
    <message>
        <source>Done. Pull the token out; the next one can go in.</source>
        <translation>Дууслаа. Токеныг сугална уу; дараагийнхыг залгаж болно.</translation>
    </message>
    <message>
        <source>Batch session…  (Ctrl+B)</source>
        <translation>Багц ажил…  (Ctrl+B)</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>Шинэ багц</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Нэр:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Хайх…</translation>
    </message>
    <message>
        <source>Officers from a &amp;CSV of civil IDs:</source>
        <translation>Регистрийн дугаарын &amp;CSV жагсаалтаас:</translation>
    </message>
    <message>
        <source>Certificate &amp;profile:</source>
        <translation>Гэрчилгээний &amp;төрөл:</translation>
    </message>
    <message>
        <source>Certification &amp;authority:</source>
        <translation>Гэрчилгээ &amp;олгогч байгууллага:</translation>
    </message>
    <message>
        <source>Tokens pr&amp;epared before the officers come (a supervisor runs it)</source>
        <translation>Албан хаагчдыг ирэхээс өмнө токенуудыг б&amp;элтгэнэ (ахлах ажилтан ажиллуулна)</translation>
    </message>
    <message>
        <source>Create the batch</source>
        <translation>Багц үүсгэх</translation>
    </message>
    <message>
        <source>Type your password and press Enter to start the session.</source>
        <translation>Нууц үгээ бичээд Enter дарж ажлыг эхлүүлнэ үү.</translation>
    </message>
    <message>
        <source>Type the RA's SO PIN for new tokens and press Enter to start the session.</source>
        <translation>Шинэ токены SO ПИН-ийг бичээд Enter дарж ажлыг эхлүүлнэ үү.</translation>
    </message>
    <message>
        <source>New batch…  (Ctrl+Shift+B)</source>
        <translation>Шинэ багц…  (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>&amp;Hand-over session for the selected officer's organization…</source>
        <translation>Сонгосон албан хаагчийн байгууллагад хүлээлгэн ө&amp;гөх…</translation>
    </message>
    <message>
        <source>Hand-over session for %1: nobody waits for a hand-over.</source>
        <translation>%1-д хүлээлгэн өгөх: хүлээж буй хүн алга.</translation>
    </message>
    <message>
        <source>Hand-over session for %1: %2 (%3 waiting).</source>
        <translation>%1-д хүлээлгэн өгөх: %2 (%3 хүлээж байна).</translation>
    </message>
    <message>
        <source>Hand-over session for %1 stopped; Alt+H goes on with the next officer.</source>
        <translation>%1-д хүлээлгэн өгөх ажил зогсов; Alt+H дараагийн албан хаагчаар үргэлжилнэ.</translation>
    </message>
    <message>
        <source>%1's token is out: plug it in again to go on with it.</source>
        <translation>%1-ийн токен сугалагдсан байна: үргэлжлүүлэхийн тулд дахин залгана уу.</translation>
    </message>
    <message>
        <source>Tokens worked at o&amp;nce (a USB hub):</source>
        <translation>Нэг &amp;зэрэг ажиллах токен (USB хаб):</translation>
    </message>
    <message>
        <source>Working on up to %1 tokens side by side…</source>
        <translation>Зэрэгцээ %1 хүртэлх токен дээр ажиллаж байна…</translation>
    </message>
    <message>
        <source>Selected officer's token &amp;lost…</source>
        <translation>Сонгосон албан хаагчийн токен алдагдсан (&amp;У)…</translation>
    </message>
    <message>
        <source>Working: %1</source>
        <translation>Ажиллаж байна: %1</translation>
    </message>
    <message>
        <source>Pausing: the tokens in hand are finished first.</source>
        <translation>Түр зогсоож байна: гарт буй токенуудыг эхлээд дуусгана.</translation>
    </message>
    <message>
        <source>Select the officer whose token is lost, then Alt+L.</source>
        <translation>Токен нь алдагдсан албан хаагчийг сонгоод Alt+У дарна уу.</translation>
    </message>
    <message>
        <source>Token lost</source>
        <translation>Токен алдагдсан</translation>
    </message>
    <message>
        <source>What happened to %1's token %2? The enrollment is cancelled and the officer waits for a new token.</source>
        <translation>%1-ийн %2 токенд юу тохиолдсон бэ? Бүртгэл цуцлагдаж, албан хаагч шинэ токен хүлээнэ.</translation>
    </message>
    <message>
        <source>%1's token is marked lost; the officer waits for a new token.</source>
        <translation>%1-ийн токеныг алдагдсан гэж тэмдэглэв; албан хаагч шинэ токен хүлээнэ.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The token stock&lt;/b&gt;: every token the RA holds</source>
        <translation>&lt;b&gt;Токены нөөц&lt;/b&gt;: БТ-ийн эзэмшиж буй бүх токен</translation>
    </message>
    <message>
        <source>every state</source>
        <translation>бүх төлөв</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Ялгах:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Шалтгаан</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Анх бүртгэсэн</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Өөрчилсөн</translation>
    </message>
    <message>
        <source>Set stoc&amp;k state…</source>
        <translation>Нөөцийн төлөв &amp;өөрчлөх…</translation>
    </message>
    <message>
        <source>End of da&amp;y…</source>
        <translation>Өдрийн э&amp;цсийн тооцоо…</translation>
    </message>
    <message>
        <source>Select a token of the stock first.</source>
        <translation>Эхлээд нөөцөөс токен сонгоно уу.</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>Токен %1</translation>
    </message>
    <message>
        <source>A token that is %1 goes nowhere from here.</source>
        <translation>%1 төлөвтэй токен эндээс өөр төлөвт шилжихгүй.</translation>
    </message>
    <message>
        <source>It is %1 now. &amp;New state:</source>
        <translation>Одоо %1. &amp;Шинэ төлөв:</translation>
    </message>
    <message>
        <source>&amp;Reason (kept in its history):</source>
        <translation>Шалт&amp;гаан (түүхэнд хадгална):</translation>
    </message>
    <message>
        <source>Token %1 is %2 now.</source>
        <translation>Токен %1 одоо %2.</translation>
    </message>
    <message>
        <source>A supplier's delivery list</source>
        <translation>Нийлүүлэгчийн жагсаалт</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV файл (*.csv);;Бүх файл (*)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1-р мөр: %2</translation>
    </message>
    <message numerus="yes">
        <source>The list has %n bad line(s); no token was added.</source>
        <translation><numerusform>Жагсаалтад %n буруу мөр байна; ямар ч токен нэмээгүй.</numerusform><numerusform>Жагсаалтад %n буруу мөр байна; ямар ч токен нэмээгүй.</numerusform></translation>
    </message>
    <message>
        <source>%1 token(s) added, %2 in the stock already.</source>
        <translation>%1 токен нэмэгдэв, %2 нь нөөцөд аль хэдийн байна.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;End of day %1&lt;/h3&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Received&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Issued&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Receipts signed&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Returned&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Spoiled (lost, blocked, retired)&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;In stock at the end&lt;/td&gt;&lt;td align=right&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Prepared at the end&lt;/td&gt;&lt;td align=right&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;%1-ний өдрийн эцсийн тооцоо&lt;/h3&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Хүлээн авсан&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Олгосон&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Гарын үсэг зурсан акт&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Буцаасан&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Гэмтсэн (алдагдсан, түгжигдсэн, ашиглалтаас гарсан)&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Өдрийн эцэст нөөцөд&lt;/td&gt;&lt;td align=right&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Өдрийн эцэст бэлтгэсэн&lt;/td&gt;&lt;td align=right&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%n token(s) issued without a signed receipt:&lt;/b&gt; look into them before the day ends.&lt;/p&gt;</source>
        <translation><numerusform>&lt;p&gt;&lt;b&gt;Гарын үсэгтэй актгүй %n токен олгосон:&lt;/b&gt; өдөр дуусахаас өмнө шалгана уу.&lt;/p&gt;</numerusform><numerusform>&lt;p&gt;&lt;b&gt;Гарын үсэгтэй актгүй %n токен олгосон:&lt;/b&gt; өдөр дуусахаас өмнө шалгана уу.&lt;/p&gt;</numerusform></translation>
    </message>
    <message>
        <source>&lt;p&gt;The daily summary on the Reports tab prints this for the head of the RA.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Тайлан табын өдрийн тайлан үүнийг БТ-ийн даргад хэвлэнэ.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>End of day</source>
        <translation>Өдрийн эцсийн тооцоо</translation>
    </message>
    <message>
        <source>E&amp;xport the sealed bundle…</source>
        <translation>&amp;Битүүмжилсэн багцыг гаргах…</translation>
    </message>
    <message>
        <source>Import the CA's answe&amp;r…</source>
        <translation>Гэрчилгээ олгогчийн хариуг &amp;оруулах…</translation>
    </message>
    <message>
        <source>The folder for the sealed bundle (empty, or new)</source>
        <translation>Битүүмжилсэн багцын хавтас (хоосон эсвэл шинэ)</translation>
    </message>
    <message>
        <source>Sign the bundle</source>
        <translation>Багцад гарын үсэг зурах</translation>
    </message>
    <message>
        <source>The PIN of the desk's own token:</source>
        <translation>Ширээний өөрийн токены ПИН:</translation>
    </message>
    <message>
        <source>Sealing the bundle…</source>
        <translation>Багцыг битүүмжилж байна…</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) sealed in %1; manifest SHA-256 %2.</source>
        <translation><numerusform>%n хүсэлтийг %1-д битүүмжлэв; жагсаалтын SHA-256 %2.</numerusform><numerusform>%n хүсэлтийг %1-д битүүмжлэв; жагсаалтын SHA-256 %2.</numerusform></translation>
    </message>
    <message>
        <source>Signed by the desk's certificate (SHA-256 %1).</source>
        <translation>Ширээний гэрчилгээгээр гарын үсэг зурсан (SHA-256 %1).</translation>
    </message>
    <message>
        <source>Print %1 and take it with the folder to the CA.</source>
        <translation>%1-г хэвлээд хавтасны хамт гэрчилгээ олгогчид хүргэнэ үү.</translation>
    </message>
    <message>
        <source>The cover sheet could not be written: %1</source>
        <translation>Нүүр хуудсыг бичиж чадсангүй: %1</translation>
    </message>
    <message>
        <source>The bundle is sealed. When the CA answers, Alt+R imports its answer.</source>
        <translation>Багц битүүмжлэгдэв. Гэрчилгээ олгогч хариулахад Alt+О хариуг оруулна.</translation>
    </message>
    <message>
        <source>The CA's answer: its PKCS#7 file, or any file in the answer's folder</source>
        <translation>Гэрчилгээ олгогчийн хариу: PKCS#7 файл, эсвэл хариуны хавтсан дахь аль нэг файл</translation>
    </message>
    <message>
        <source>Checking the CA's answer…</source>
        <translation>Гэрчилгээ олгогчийн хариуг шалгаж байна…</translation>
    </message>
    <message>
        <source>matched: %1</source>
        <translation>тохирсон: %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>татгалзсан: %1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>дутуу: %1</translation>
    </message>
    <message>
        <source>extra: %1</source>
        <translation>илүү: %1</translation>
    </message>
    <message>
        <source>The answer is in: %1 matched, %2 refused, %3 missing, %4 extra. Each certificate is written when its token is plugged in.</source>
        <translation>Хариу ирлээ: %1 тохирсон, %2 татгалзсан, %3 дутуу, %4 илүү. Гэрчилгээ бүрийг токеныг нь залгахад бичнэ.</translation>
    </message>
    <message>
        <source>enrollment number, or empty</source>
        <translation>бүртгэлийн дугаар, эсвэл хоосон</translation>
    </message>
    <message>
        <source>Bundles are sealed with their SHA-256 alone.</source>
        <translation>Багцыг зөвхөн SHA-256-аар битүүмжилнэ.</translation>
    </message>
    <message>
        <source>Each bundle is signed by the desk's token of enrollment #%1.</source>
        <translation>Багц бүрд #%1 бүртгэлийн ширээний токеноор гарын үсэг зурна.</translation>
    </message>
    <message>
        <source>Sealed bundles for an offline CA are signed by the desk's own token: the enrollment of its certificate. Empty: sealed with their SHA-256 alone.</source>
        <translation>Офлайн гэрчилгээ олгогчид илгээх багцад ширээний өөрийн токеноор гарын үсэг зурна: түүний гэрчилгээний бүртгэл. Хоосон бол зөвхөн SHA-256-аар битүүмжилнэ.</translation>
    </message>
    <message>
        <source>&amp;Bundles signed by enrollment #:</source>
        <translation>Багцад гарын үсэг зурах бүртгэлийн &amp;дугаар:</translation>
    </message>
    <message>
        <source>&amp;Organizations (Space ticks each one you want):</source>
        <translation>&amp;Байгууллагууд (хүссэн бүрийг Space дарж сонгоно):</translation>
    </message>
    <message>
        <source>&amp;Wipe for re-issue…</source>
        <translation>Дахин олгохоор арилга&amp;х…</translation>
    </message>
    <message>
        <source>Wipe for re-issue</source>
        <translation>Дахин олгохоор арилгах</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>буцаасан</translation>
    </message>
    <message>
        <source>Your password (unlocks the token's sealed SO PIN):</source>
        <translation>Таны нууц үг (токены битүүмжилсэн SO ПИН-ийг нээнэ):</translation>
    </message>
    <message>
        <source>Wiping %1… (plugged in)</source>
        <translation>%1-ийг арилгаж байна… (залгаатай байна)</translation>
    </message>
    <message>
        <source>Next: %1 (%2)</source>
        <translation>Дараагийнх: %1 (%2)</translation>
    </message>
    <message>
        <source>Every officer of this batch has a token.</source>
        <translation>Энэ багцын бүх албан хаагч токентой болсон.</translation>
    </message>
    <message>
        <source>Only a returned, blocked or prepared token is wiped for re-issue; %1 is %2.</source>
        <translation>Зөвхөн буцаасан, түгжигдсэн эсвэл бэлтгэсэн токеныг дахин олгохоор арилгана; %1 нь %2 байна.</translation>
    </message>
    <message>
        <source>Token %1 will be erased (its keys and certificates) for the next officer. Why?</source>
        <translation>%1 токеныг (түлхүүр, гэрчилгээг нь) дараагийн албан хаагчид зориулж арилгах гэж байна. Шалтгаан?</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>CSV хэлбэр&amp;ээр хадгалах…</translation>
    </message>
    <message>
        <source>New revocation application</source>
        <translation>Гэрчилгээ хүчингүй болгох шинэ өргөдөл</translation>
    </message>
    <message>
        <source>Officer's name or civil ID, certificate serial — or scan the receipt's QR</source>
        <translation>Албан хаагчийн нэр эсвэл регистр, гэрчилгээний дугаар — эсвэл баримтын QR кодыг уншуулна уу</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Хайх:</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Хүчинтэй хугацаа</translation>
    </message>
    <message>
        <source>C&amp;ertificate:</source>
        <translation>&amp;Гэрчилгээ:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Шалтгаан:</translation>
    </message>
    <message>
        <source>What happened, in the officer's words</source>
        <translation>Юу болсныг албан хаагчийн үгээр</translation>
    </message>
    <message>
        <source>The officer's &amp;statement:</source>
        <translation>Албан хаагчийн &amp;мэдүүлэг:</translation>
    </message>
    <message>
        <source>&amp;Date of the event:</source>
        <translation>Үйл явдлын &amp;огноо:</translation>
    </message>
    <message>
        <source>&amp;Take the application</source>
        <translation>Өргөдлийг хүлээн &amp;авах</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болих</translation>
    </message>
    <message>
        <source>No valid certificate matches. Try the civil ID or the serial.</source>
        <translation>Тохирох хүчинтэй гэрчилгээ олдсонгүй. Регистр эсвэл гэрчилгээний дугаараар хайна уу.</translation>
    </message>
    <message>
        <source>Find the certificate first and choose it in the list.</source>
        <translation>Эхлээд гэрчилгээг хайж, жагсаалтаас сонгоно уу.</translation>
    </message>
    <message>
        <source>Supervisor's &amp;name:</source>
        <translation>Ахлах ажилтны &amp;нэр:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Нууц үг:</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Шалтгаан:</translation>
    </message>
    <message>
        <source>Say why: it is kept with the application.</source>
        <translation>Шалтгааныг бичнэ үү: өргөдөлтэй хамт хадгалагдана.</translation>
    </message>
    <message>
        <source>Wrong operator name or password.</source>
        <translation>Ажилтны нэр эсвэл нууц үг буруу байна.</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>Шийдвэрлэгдэж буй</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Бүгд</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>Ха&amp;руулах:</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Хүлээн авсан</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Зөвшөөрсөн</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Тэмдэглэл</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>Ш&amp;инэ өргөдөл…</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Зөвшөөрөх…</translation>
    </message>
    <message>
        <source>Re&amp;fuse…</source>
        <translation>Татга&amp;лзах…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>Бу&amp;цаан авах…</translation>
    </message>
    <message>
        <source>&amp;Print the form…</source>
        <translation>&amp;Өргөдлийг хэвлэх…</translation>
    </message>
    <message>
        <source>Su&amp;bmit to the CA</source>
        <translation>Гэрчилгээ &amp;олгогч руу илгээх</translation>
    </message>
    <message>
        <source>&amp;Confirm with the CA</source>
        <translation>Гэрчилгээ олгогчоор баталгаа&amp;жуулах</translation>
    </message>
    <message>
        <source>Confirm with the CA's CR&amp;L file…</source>
        <translation>ХГЖ (CRL) &amp;файлаар баталгаажуулах…</translation>
    </message>
    <message>
        <source>The CA's CRL file</source>
        <translation>Гэрчилгээ олгогчийн хүчингүй гэрчилгээний жагсаалт (CRL)</translation>
    </message>
    <message>
        <source>Application #%1: %2</source>
        <translation>Өргөдөл №%1: %2</translation>
    </message>
    <message>
        <source>Application #%1 for %2, certificate %3: %4. Event of %5. The officer's statement: “%6”</source>
        <translation>Өргөдөл №%1, %2, гэрчилгээ %3: %4. Үйл явдлын огноо %5. Албан хаагчийн мэдүүлэг: “%6”</translation>
    </message>
    <message>
        <source>Application #%1 taken. Print the form for the officer to sign; a second supervisor approves it.</source>
        <translation>Өргөдөл №%1-г хүлээн авлаа. Албан хаагчаар гарын үсэг зуруулах өргөдлийг хэвлэнэ үү; хоёр дахь ахлах ажилтан зөвшөөрнө.</translation>
    </message>
    <message>
        <source>Approve application #%1</source>
        <translation>Өргөдөл №%1-г зөвшөөрөх</translation>
    </message>
    <message>
        <source>Application #%1 approved. Submit it to the CA.</source>
        <translation>Өргөдөл №%1-г зөвшөөрлөө. Гэрчилгээ олгогч руу илгээнэ үү.</translation>
    </message>
    <message>
        <source>Refuse application #%1</source>
        <translation>Өргөдөл №%1-с татгалзах</translation>
    </message>
    <message>
        <source>A supervisor turns the application down; the reason is kept with it.</source>
        <translation>Ахлах ажилтан өргөдлөөс татгалзана; шалтгаан нь өргөдөлтэй хамт хадгалагдана.</translation>
    </message>
    <message>
        <source>Application #%1 refused.</source>
        <translation>Өргөдөл №%1-с татгалзлаа.</translation>
    </message>
    <message>
        <source>Withdraw application #%1</source>
        <translation>Өргөдөл №%1-г буцаан авах</translation>
    </message>
    <message>
        <source>The officer withdraws the application because:</source>
        <translation>Албан хаагч өргөдлөө буцаан авах шалтгаан:</translation>
    </message>
    <message>
        <source>Application #%1 withdrawn.</source>
        <translation>Өргөдөл №%1-г буцаан авлаа.</translation>
    </message>
    <message>
        <source>Revocation form</source>
        <translation>Хүчингүй болгох өргөдөл</translation>
    </message>
    <message>
        <source>Revocation application #%1 — print preview</source>
        <translation>Хүчингүй болгох өргөдөл №%1 — хэвлэхийн өмнө харах</translation>
    </message>
    <message>
        <source>Application #%1: asking the CA…</source>
        <translation>Өргөдөл №%1: гэрчилгээ олгогчоос асууж байна…</translation>
    </message>
    <message>
        <source>I&amp;mport a delivery…</source>
        <translation>Нийлүүлэлт &amp;импортлох…</translation>
    </message>
    <message>
        <source>Veri&amp;fy the chain</source>
        <translation>Гин&amp;жийг шалгах</translation>
    </message>
    <message>
        <source>St&amp;ate:</source>
        <translation>Тө&amp;лөв:</translation>
    </message>
    <message>
        <source>O&amp;pen / continue…</source>
        <translation>&amp;Нээх / үргэлжлүүлэх…</translation>
    </message>
    <message>
        <source>Re&amp;ceipt…</source>
        <translation>А&amp;кт…</translation>
    </message>
    <message>
        <source>&amp;Change the record…</source>
        <translation>&amp;Засах…</translation>
    </message>
    <message>
        <source>Use the selected &amp;module for this desk</source>
        <translation>&amp;Сонгосон модулийг энэ ширээнд ашиглах</translation>
    </message>
    <message>
        <source>Test the selected &amp;CA</source>
        <translation>Сонгосон гэрчилгээ олгогчийг ша&amp;лгах</translation>
    </message>
    <message>
        <source>Un&amp;block PIN…</source>
        <translation>ПИН түгжээ тай&amp;лах…</translation>
    </message>
    <message>
        <source>The PIN is locked (too many wrong tries)</source>
        <translation>ПИН түгжигдсэн (олон удаа буруу оруулсан)</translation>
    </message>
    <message>
        <source>The officer forgot the PIN</source>
        <translation>Албан хаагч ПИН-ээ мартсан</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>Юу болсон бэ:</translation>
    </message>
    <message>
        <source>The desk keeps this token's SO PIN sealed. Your password opens it:</source>
        <translation>Энэ токены SO ПИН ширээнд битүүмжлэгдэн хадгалагдаж байна. Таны нууц үг үүнийг нээнэ:</translation>
    </message>
    <message>
        <source>The officer types the new PIN:</source>
        <translation>Албан хаагч шинэ ПИН-ээ оруулна:</translation>
    </message>
    <message>
        <source>The officer types the new PIN again:</source>
        <translation>Албан хаагч шинэ ПИН-ээ дахин оруулна:</translation>
    </message>
    <message>
        <source>The two PINs differ. Nothing was changed.</source>
        <translation>Хоёр ПИН зөрүүтэй байна. Юу ч өөрчлөгдсөнгүй.</translation>
    </message>
    <message>
        <source>application #%1 under way</source>
        <translation>өргөдөл №%1 шийдвэрлэгдэж байна</translation>
    </message>
    <message>
        <source>Save the for&amp;m as PDF…</source>
        <translation>Өргөдлийг PDF-ээр &amp;хадгалах…</translation>
    </message>
    <message>
        <source>Closed because: “%1”</source>
        <translation>Хаасан шалтгаан: “%1”</translation>
    </message>
    <message>
        <source>The form is not printed yet: print it for the officer to sign.</source>
        <translation>Өргөдөл хэвлэгдээгүй байна: албан хаагчаар гарын үсэг зуруулахаар хэвлэнэ үү.</translation>
    </message>
    <message>
        <source>A supervisor other than the operator who took the application approves it (the two-person rule), having checked the form the officer signed.</source>
        <translation>Өргөдлийг хүлээн авсан ажилтнаас өөр ахлах ажилтан албан хаагчийн гарын үсэг зурсан өргөдлийг шалгаад зөвшөөрнө (хоёр хүний дүрэм).</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Зөвшөөрөх</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Татгалзах</translation>
    </message>
    <message>
        <source>The form could not be laid out.</source>
        <translation>Өргөдлийг бэлтгэж чадсангүй.</translation>
    </message>
    <message>
        <source>The form of application #%1 is kept as %2.</source>
        <translation>Өргөдөл №%1-г %2 нэрээр хадгаллаа.</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Гэрчилгээ сунгах</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>#%1  %2 — renewal under way</source>
        <translation>#%1  %2 — сунгалт үргэлжилж байна</translation>
    </message>
    <message>
        <source>Also apply for the old certificate's &amp;revocation (replaced)</source>
        <translation>Хуучин гэрчилгээг &amp;хүчингүй болгох өргөдөл гаргах (солигдсон)</translation>
    </message>
    <message>
        <source>Re&amp;new</source>
        <translation>&amp;Сунгах</translation>
    </message>
    <message>
        <source>Certificates to renew</source>
        <translation>Сунгах гэрчилгээ</translation>
    </message>
    <message>
        <source>&amp;Take the application, token lost</source>
        <translation>Өргөдлийг хүлээн &amp;авах, токен алдагдсан</translation>
    </message>
    <message>
        <source>To&amp;ken lost…</source>
        <translation>То&amp;кен алдагдсан…</translation>
    </message>
    <message>
        <source>Application #%1 taken; the token is lost in the stock; the officer's new token waits in the batch of one #%2 (Desk: Batches open). Print the form for the officer to sign; a second supervisor approves it.</source>
        <translation>Өргөдөл №%1-г хүлээн авлаа; токеныг нөөцөд гээгдсэн гэж тэмдэглэлээ; албан хаагчийн шинэ токен нэг хүний №%2 багцад хүлээж байна (Ширээ: Нээлттэй багцууд). Албан хаагчаар гарын үсэг зуруулах өргөдлийг хэвлэнэ үү; хоёр дахь ахлах ажилтан зөвшөөрнө.</translation>
    </message>
    <message>
        <source>Submit application #%1</source>
        <translation>Өргөдөл №%1-г илгээх</translation>
    </message>
    <message>
        <source>The desk's own token signs the request for the offline CA. Its PIN:</source>
        <translation>Офлайн гэрчилгээ олгогчид очих хүсэлтэд ширээний өөрийн токен гарын үсэг зурна. Түүний ПИН:</translation>
    </message>
    <message>
        <source>#%1  %2 — until %3, days left: %4</source>
        <translation>#%1  %2 — %3 хүртэл, үлдсэн хоног: %4</translation>
    </message>
    <message>
        <source>&amp;Certificates to renew, %1 days ahead (%2)</source>
        <translation>%1 хоногт &amp;сунгах гэрчилгээ (%2)</translation>
    </message>
    <message>
        <source>Officer: %1. Certificate valid until %2.

It is renewed on the same token: a new key pair and certificate are made beside the old ones, and the old key and certificate are deleted only once the new certificate is verified on the token. The officer types their PIN.</source>
        <translation>Албан хаагч: %1. Гэрчилгээ %2 хүртэл хүчинтэй.

Мөн токен дээр сунгана: хуучны хажууд шинэ түлхүүрийн хос, гэрчилгээ үүсгэж, шинэ гэрчилгээ токен дээр шалгагдсаны дараа л хуучин түлхүүр, гэрчилгээг устгана. Албан хаагч ПИН-ээ оруулна.</translation>
    </message>
    <message>
        <source>The desk keeps no SO PIN for token %1: its SO PIN was typed when it was set up, or it was set up elsewhere. Type the SO PIN from the token's papers.</source>
        <translation>%1 токены SO ПИН ширээнд хадгалагдаагүй: тохируулахдаа SO ПИН-г гараар оруулсан, эсвэл өөр газар тохируулсан. Токены баримтад байгаа SO ПИН-г оруулна уу.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Юу ч өөрчлөгдсөнгүй.</translation>
    </message>
    <message>
        <source>Backup:</source>
        <translation>Нөөц хуулбар:</translation>
    </message>
    <message>
        <source>The folder to put the backup in</source>
        <translation>Нөөц хуулбарыг хадгалах хавтас</translation>
    </message>
    <message>
        <source>Backing up into %1…</source>
        <translation>%1 руу нөөц хуулбар хийж байна…</translation>
    </message>
    <message>
        <source>Back up the d&amp;atabase…</source>
        <translation>&amp;Өгөгдлийн сангийн нөөц хуулбар хийх…</translation>
    </message>
    <message>
        <source>New operator</source>
        <translation>Шинэ оператор</translation>
    </message>
    <message>
        <source>Clerk: enrollments, hand-overs, the registry</source>
        <translation>Ажилтан: гэрчилгээ олголт, хүлээлгэн өгөх, бүртгэл</translation>
    </message>
    <message>
        <source>Supervisor: also erases, unblocks, approves and sets the desk up</source>
        <translation>Ахлах ажилтан: мөн арилгах, түгжээ тайлах, зөвшөөрөх, ширээг тохируулах</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Нэ&amp;р:</translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation>&amp;Үүрэг:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Н&amp;ууц үг:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Нууц үг д&amp;ахин:</translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation>Хоёр нууц үг зөрж байна: дахин бичнэ үү.</translation>
    </message>
    <message>
        <source>&amp;New operator…</source>
        <translation>Шинэ &amp;оператор…</translation>
    </message>
    <message>
        <source>Operators:</source>
        <translation>Операторууд:</translation>
    </message>
    <message>
        <source>%1 may now sign in at this desk.</source>
        <translation>%1 одоо энэ ширээнд нэвтэрч болно.</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>ахлах ажилтан</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>ажилтан</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF баримт (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Акт</translation>
    </message>
    <message>
        <source>Handover receipt — print preview</source>
        <translation>Хүлээлгэн өгөх акт — хэвлэхийн өмнө харах</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Хадгалах</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файл (*.csv)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>in stock</source>
        <translation>агуулахад</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>бэлтгэсэн</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>олгосон</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>буцаасан</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>алдагдсан</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>түгжигдсэн</translation>
    </message>
    <message>
        <source>wiped</source>
        <translation>арилгасан</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>ашиглалтаас гарсан</translation>
    </message>
    <message>
        <source>Campaign progress</source>
        <translation>Аяны явц</translation>
    </message>
    <message>
        <source>Every organization, as of %1</source>
        <translation>Бүх байгууллага, %1-ний байдлаар</translation>
    </message>
    <message>
        <source>Progress per organization</source>
        <translation>Байгууллага тус бүрийн явц</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Байгууллага</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Албан хаагчид</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Эхэлсэн</translation>
    </message>
    <message>
        <source>Certificate on token</source>
        <translation>Гэрчилгээ токенд</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Хүлээлгэн өгсөн</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Гүйцэтгэл</translation>
    </message>
    <message>
        <source>Officers per organization</source>
        <translation>Байгууллага тус бүрийн албан хаагчид</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>Бүх байгууллага</translation>
    </message>
    <message>
        <source>Certificates per day</source>
        <translation>Өдөр тутмын гэрчилгээ</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Өдөр</translation>
    </message>
    <message>
        <source>On token and checked</source>
        <translation>Токенд бичиж шалгасан</translation>
    </message>
    <message>
        <source>Daily summary, %1</source>
        <translation>Өдрийн тайлан, %1</translation>
    </message>
    <message>
        <source>Made %1</source>
        <translation>Гаргасан: %1</translation>
    </message>
    <message>
        <source>Work per operator</source>
        <translation>Ажилтан тус бүрийн ажил</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Ажилтан</translation>
    </message>
    <message>
        <source>Stopped with an error</source>
        <translation>Алдаагаар зогссон</translation>
    </message>
    <message>
        <source>Token stock</source>
        <translation>Токены нөөц</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Хүлээн авсан</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Олгосон</translation>
    </message>
    <message>
        <source>Receipts signed</source>
        <translation>Гарын үсэг зурсан акт</translation>
    </message>
    <message>
        <source>Issued without a signed receipt</source>
        <translation>Гарын үсэгтэй актгүй олгосон</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Буцаасан</translation>
    </message>
    <message>
        <source>Spoiled</source>
        <translation>Гэмтсэн</translation>
    </message>
    <message>
        <source>In stock at the end</source>
        <translation>Өдрийн эцэст нөөцөд</translation>
    </message>
    <message>
        <source>Prepared at the end</source>
        <translation>Өдрийн эцэст бэлтгэсэн</translation>
    </message>
    <message>
        <source>Enrollments that stopped</source>
        <translation>Зогссон бүртгэлүүд</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>Бүртгэл</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Албан хаагч</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Төлөв</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Сүүлийн алдаа</translation>
    </message>
    <message>
        <source>Token stock and revocations</source>
        <translation>Токены нөөц ба хүчингүй болголт</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>%1-ний байдлаар</translation>
    </message>
    <message>
        <source>Tokens by state</source>
        <translation>Төлөв тус бүрийн токен</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токенууд</translation>
    </message>
    <message>
        <source>Revocation requests by reason</source>
        <translation>Шалтгаан тус бүрийн хүчингүй болгох хүсэлт</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Шалтгаан</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Хүсэлт</translation>
    </message>
    <message>
        <source>Sealed bundle for the CA: %1</source>
        <translation>Гэрчилгээ олгогчид илгээх битүүмжилсэн багц: %1</translation>
    </message>
    <message>
        <source>Batch #%1, %2 request(s), sealed by %3. Manifest SHA-256: %4</source>
        <translation>Багц #%1, %2 хүсэлт, битүүмжилсэн: %3. Жагсаалтын SHA-256: %4</translation>
    </message>
    <message>
        <source>. Signed (bundle.json.p7s) by the desk certificate SHA-256 %1</source>
        <translation>. Ширээний гэрчилгээгээр гарын үсэг зурсан (bundle.json.p7s), SHA-256 %1</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Токен</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Төрөл</translation>
    </message>
    <message>
        <source>Request SHA-256</source>
        <translation>Хүсэлтийн SHA-256</translation>
    </message>
    <message>
        <source>Given by (RA), signature</source>
        <translation>Хүлээлгэн өгсөн (БТ), гарын үсэг</translation>
    </message>
    <message>
        <source>Received by (CA), signature</source>
        <translation>Хүлээн авсан (гэрчилгээ олгогч), гарын үсэг</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Огноо</translation>
    </message>
    <message>
        <source>Certificates to renew</source>
        <translation>Сунгах гэрчилгээ</translation>
    </message>
    <message>
        <source>Expiring within %1 days, as of %2</source>
        <translation>%1 хоногийн дотор дуусах, %2-ны байдлаар</translation>
    </message>
    <message>
        <source>Per organization</source>
        <translation>Байгууллагаар</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Гэрчилгээ</translation>
    </message>
    <message>
        <source>Renewal under way</source>
        <translation>Сунгалт үргэлжилж буй</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Гэрчилгээ</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Дуусах огноо</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Үлдсэн хоног</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Гэрчилгээ сунгах</translation>
    </message>
</context>
<context>
    <name>tamga::core::DeskWorker</name>
    <message numerus="yes">
        <source>The CA answers; it sent %n CA certificate(s).</source>
        <translation><numerusform>Гэрчилгээ олгогч хариулж, %n гэрчилгээ илгээлээ.</numerusform><numerusform>Гэрчилгээ олгогч хариулж, %n гэрчилгээ илгээлээ.</numerusform></translation>
    </message>
    <message>
        <source>Application #%1 is confirmed: %2</source>
        <translation>Өргөдөл №%1 баталгаажлаа: %2</translation>
    </message>
    <message>
        <source>Application #%1 was sent to %2. Confirm it once the CA has published the revocation.</source>
        <translation>Өргөдөл №%1-г %2 руу илгээлээ. Гэрчилгээ олгогч хүчингүй болголтыг нийтэлсний дараа баталгаажуулна уу.</translation>
    </message>
    <message>
        <source>The PIN of token %1 is set anew: the officer's new PIN opens it.</source>
        <translation>%1 токены ПИН шинэчлэгдлээ: албан хаагчийн шинэ ПИН үүнийг нээнэ.</translation>
    </message>
    <message numerus="yes">
        <source>Backed up into %1: %n audit event(s) verified, head %2.</source>
        <translation><numerusform>%1 руу нөөц хуулбар хийлээ: аудитын %n бичлэг шалгагдсан, сүүлчийнх %2.</numerusform><numerusform>%1 руу нөөц хуулбар хийлээ: аудитын %n бичлэг шалгагдсан, сүүлчийнх %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Restored from %1: %n audit event(s) verified, head %2.</source>
        <translation><numerusform>%1-ээс сэргээлээ: аудитын %n бичлэг шалгагдсан, сүүлчийнх %2.</numerusform><numerusform>%1-ээс сэргээлээ: аудитын %n бичлэг шалгагдсан, сүүлчийнх %2.</numerusform></translation>
    </message>
    <message>
        <source>a shared registry's address starts with postgresql://</source>
        <translation>нэгдсэн бүртгэлийн хаяг postgresql://-ээр эхэлнэ</translation>
    </message>
    <message>
        <source>the database holds tables that are not a Tamga registry's</source>
        <translation>өгөгдлийн санд Tamga-гийн бүртгэлийнх биш хүснэгтүүд байна</translation>
    </message>
</context>
<context>
    <name>tamga::ui::CaPage</name>
    <message>
        <source>The certification authority</source>
        <translation>Гэрчилгээ олгогч</translation>
    </message>
    <message>
        <source>How the desk reaches the CA that issues the certificates. More connectors can be added later with tamga-cli ca add.</source>
        <translation>Гэрчилгээ олгох гэрчилгээ олгогчтой ширээ хэрхэн холбогдох вэ. Дараа нь tamga-cli ca add тушаалаар өөр холболт нэмж болно.</translation>
    </message>
    <message>
        <source>CMP server (RFC 4210)</source>
        <translation>CMP сервер (RFC 4210)</translation>
    </message>
    <message>
        <source>CFSSL server</source>
        <translation>CFSSL сервер</translation>
    </message>
    <message>
        <source>Files exchanged with an offline CA</source>
        <translation>Сүлжээнд холбогдоогүй гэрчилгээ олгогчтой файлаар солилцох</translation>
    </message>
    <message>
        <source>a file holding the shared secret</source>
        <translation>хуваалцсан нууцыг агуулсан файл</translation>
    </message>
    <message>
        <source>a file holding the shared authentication key (hex)</source>
        <translation>хуваалцсан баталгаажуулах түлхүүрийг агуулсан файл (hex)</translation>
    </message>
    <message>
        <source>Add and &amp;test</source>
        <translation>Нэмээд &amp;шалгах</translation>
    </message>
    <message>
        <source>Connector na&amp;me:</source>
        <translation>Холболтын н&amp;эр:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Төрөл:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Хаяг:</translation>
    </message>
    <message>
        <source>CMP sender &amp;reference:</source>
        <translation>CMP илгээгчийн &amp;лавлагаа:</translation>
    </message>
    <message>
        <source>CMP shared &amp;secret file:</source>
        <translation>CMP хуваалцсан нууцын &amp;файл:</translation>
    </message>
    <message>
        <source>CFSSL &amp;profile:</source>
        <translation>CFSSL &amp;профайл:</translation>
    </message>
    <message>
        <source>CFSSL auth&amp;entication key file:</source>
        <translation>CFSSL баталгаажуулах т&amp;үлхүүрийн файл:</translation>
    </message>
    <message>
        <source>Exchange &amp;folder:</source>
        <translation>Солилцооны ха&amp;втас:</translation>
    </message>
    <message>
        <source>%1 added. %2</source>
        <translation>%1 нэмэгдлээ. %2</translation>
    </message>
    <message>
        <source>%1 added, but the test failed: %2. Check the address and the CA's settings; the connector can be corrected with tamga-cli.</source>
        <translation>%1 нэмэгдсэн боловч шалгалт амжилтгүй: %2. Хаяг болон гэрчилгээ олгогчийн тохиргоог шалгана уу; холболтыг tamga-cli-ээр засаж болно.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Нэмэгдсэнгүй: %1</translation>
    </message>
    <message>
        <source>%1 added; asking the CA…</source>
        <translation>%1 нэмэгдлээ; гэрчилгээ олгогчоос асууж байна…</translation>
    </message>
</context>
<context>
    <name>tamga::ui::DatabasePage</name>
    <message>
        <source>A new desk</source>
        <translation>Шинэ ширээ</translation>
    </message>
    <message>
        <source>Tamga keeps this desk's registry, enrollments and audit log in a database. A few questions set the desk up; each answer can be changed later in the Settings tab or with tamga-cli.</source>
        <translation>Тамга энэ ширээний бүртгэл, гэрчилгээ олголт, аудитын бүртгэлийг өгөгдлийн санд хадгална. Хэдэн асуултаар ширээг тохируулна; хариулт бүрийг дараа нь Тохиргоо хэсэгт эсвэл tamga-cli-ээр өөрчилж болно.</translation>
    </message>
    <message>
        <source>This &amp;PC: %1</source>
        <translation>Энэ &amp;компьютер: %1</translation>
    </message>
    <message>
        <source>&amp;Restore this desk from a backup…</source>
        <translation>Энэ ширээг нөөц хуулбараас &amp;сэргээх…</translation>
    </message>
    <message>
        <source>A database is already at this path: a backup is restored only where there is none (tamga-cli --db NEW restore --from FOLDER).</source>
        <translation>Энэ замд өгөгдлийн сан аль хэдийн байна: нөөц хуулбарыг зөвхөн өгөгдлийн сангүй газарт сэргээнэ (tamga-cli --db ШИНЭ restore --from ХАВТАС).</translation>
    </message>
    <message>
        <source>The backup's folder</source>
        <translation>Нөөц хуулбарын хавтас</translation>
    </message>
    <message>
        <source>Checking the backup and restoring it…</source>
        <translation>Нөөц хуулбарыг шалгаж, сэргээж байна…</translation>
    </message>
    <message>
        <source>Restored, but the database does not open: %1</source>
        <translation>Сэргээсэн боловч өгөгдлийн сан нээгдэхгүй байна: %1</translation>
    </message>
    <message>
        <source>Next goes on to the sign-in.</source>
        <translation>«Дараах» товч нэвтрэх рүү шилжинэ.</translation>
    </message>
    <message>
        <source>Not restored, nothing was written: %1</source>
        <translation>Сэргээгдсэнгүй, юу ч бичигдээгүй: %1</translation>
    </message>
    <message>
        <source>The &amp;office's shared registry (PostgreSQL):</source>
        <translation>&amp;Албаны нэгдсэн бүртгэл (PostgreSQL):</translation>
    </message>
    <message>
        <source>The registry is reached over TLS that verifies the server. Its password is never typed here: it is read from the PostgreSQL password file (~/.pgpass, or passfile= in the address).</source>
        <translation>Бүртгэлд серверийг шалгадаг TLS-ээр холбогдоно. Түүний нууц үгийг энд хэзээ ч бичихгүй: PostgreSQL-ийн нууц үгийн файлаас (~/.pgpass, эсвэл хаяг дахь passfile=) уншина.</translation>
    </message>
    <message>
        <source>Connecting to the registry…</source>
        <translation>Бүртгэлд холбогдож байна…</translation>
    </message>
    <message>
        <source>The registry cannot be used: %1</source>
        <translation>Бүртгэлийг ашиглах боломжгүй: %1</translation>
    </message>
    <message>
        <source>A registry in use: this desk joins it.</source>
        <translation>Ашиглагдаж буй бүртгэл: энэ ширээ түүнд нэгдэнэ.</translation>
    </message>
    <message>
        <source>An empty registry: this desk sets it up.</source>
        <translation>Хоосон бүртгэл: энэ ширээ түүнийг тохируулна.</translation>
    </message>
</context>
<context>
    <name>tamga::ui::EnrollmentWizard</name>
    <message>
        <source>New enrollment — TRAINING</source>
        <translation>Шинэ бүртгэл — СУРГАЛТ</translation>
    </message>
    <message>
        <source>New enrollment</source>
        <translation>Шинэ бүртгэл</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>СУРГАЛТ</translation>
    </message>
    <message>
        <source>Enrollment #%1 continued — %2 — TRAINING</source>
        <translation>Бүртгэл #%1-г үргэлжлүүлж байна — %2 — СУРГАЛТ</translation>
    </message>
    <message>
        <source>Enrollment #%1 continued — %2</source>
        <translation>Бүртгэл #%1-г үргэлжлүүлж байна — %2</translation>
    </message>
    <message>
        <source>Close enrollment #%1? It stays at "%2"; nothing is lost and it can be continued from the Desk tab.</source>
        <translation>Бүртгэл #%1-г хаах уу? Энэ нь "%2" төлөвт үлдэнэ; юу ч алдагдахгүй, "Ширээ" хэсгээс үргэлжлүүлж болно.</translation>
    </message>
    <message>
        <source>Close this enrollment? Nothing has been written yet.</source>
        <translation>Энэ бүртгэлийг хаах уу? Одоогоор юу ч бичигдээгүй.</translation>
    </message>
</context>
<context>
    <name>tamga::ui::FirstRunWizard</name>
    <message>
        <source>Tamga — setting up this desk</source>
        <translation>Тамга — энэ ширээг тохируулах</translation>
    </message>
</context>
<context>
    <name>tamga::ui::MainWindow</name>
    <message>
        <source>Tamga — registration desk — TRAINING</source>
        <translation>Тамга — бүртгэлийн ширээ — СУРГАЛТ</translation>
    </message>
    <message>
        <source>Tamga — registration desk</source>
        <translation>Тамга — бүртгэлийн ширээ</translation>
    </message>
    <message>
        <source>TRAINING — practice CA and training tokens; nothing issued here is valid</source>
        <translation>СУРГАЛТ — дадлагын гэрчилгээ олгогч, сургалтын токен; энд олгосон зүйл хүчингүй</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Ширээ</translation>
    </message>
    <message>
        <source>&amp;Officers</source>
        <translation>&amp;Албан хаагчид</translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation>&amp;Токенууд</translation>
    </message>
    <message>
        <source>&amp;Enrollments</source>
        <translation>&amp;Бүртгэлүүд</translation>
    </message>
    <message>
        <source>A&amp;udit</source>
        <translation>А&amp;удит</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>Тохир&amp;гоо</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>Ажилтан: %1 (%2)</translation>
    </message>
    <message>
        <source>CA: %1</source>
        <translation>Гэрчилгээ олгогч: %1</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>тохируулаагүй</translation>
    </message>
    <message>
        <source>No token plugged in</source>
        <translation>Токен залгаагүй</translation>
    </message>
    <message>
        <source>new token</source>
        <translation>шинэ токен</translation>
    </message>
    <message>
        <source>Token: %1</source>
        <translation>Токен: %1</translation>
    </message>
    <message>
        <source>Interrupted enrollments</source>
        <translation>Тасалдсан бүртгэлүүд</translation>
    </message>
    <message numerus="yes">
        <source>%n enrollment(s) were interrupted before the token was verified. Continue enrollment #%1 now?</source>
        <translation><numerusform>Токеныг баталгаажуулахаас өмнө %n бүртгэл тасалдсан. #%1 бүртгэлийг одоо үргэлжлүүлэх үү?</numerusform><numerusform>Токеныг баталгаажуулахаас өмнө %n бүртгэл тасалдсан. #%1 бүртгэлийг одоо үргэлжлүүлэх үү?</numerusform></translation>
    </message>
    <message>
        <source>Enrollment #%1 handed over to %2.</source>
        <translation>Бүртгэл #%1: %2-д хүлээлгэн өгсөн.</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>Та&amp;йлан</translation>
    </message>
    <message>
        <source>Re&amp;vocations</source>
        <translation>Хү&amp;чингүй болголт</translation>
    </message>
</context>
<context>
    <name>tamga::ui::ModulePage</name>
    <message>
        <source>The tokens' PKCS#11 module</source>
        <translation>Токенуудын PKCS#11 модуль</translation>
    </message>
    <message>
        <source>The library through which the desk reaches the e-tokens. These are the modules installed on this PC (p11-kit's list); OpenSC's serves most tokens.</source>
        <translation>Ширээ цахим токенуудтай энэ сангаар дамжин ажиллана. Энэ компьютерт суусан модулиуд (p11-kit-ийн жагсаалт); ихэнх токенд OpenSC-ийнх тохирно.</translation>
    </message>
    <message>
        <source>&amp;Modules:</source>
        <translation>&amp;Модулиуд:</translation>
    </message>
    <message>
        <source>Looking for the installed modules…</source>
        <translation>Суусан модулиудыг хайж байна…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Хадгалсангүй: %1</translation>
    </message>
    <message>
        <source>No module is registered with p11-kit: install OpenSC (the opensc package), or the token vendor's module, and set it in Settings.</source>
        <translation>p11-kit-д бүртгэгдсэн модуль алга: OpenSC (opensc багц) эсвэл токен үйлдвэрлэгчийн модулийг суулгаад Тохиргоо хэсэгт сонгоно уу.</translation>
    </message>
    <message numerus="yes">
        <source>%n module(s) installed.</source>
        <translation><numerusform>%n модуль суусан байна.</numerusform><numerusform>%n модуль суусан байна.</numerusform></translation>
    </message>
</context>
<context>
    <name>tamga::ui::ReadyPage</name>
    <message>
        <source>The desk is ready</source>
        <translation>Ширээ бэлэн боллоо</translation>
    </message>
    <message>
        <source>The desk is restored from its backup. %1 Sign in as one of its operators.</source>
        <translation>Ширээг нөөц хуулбараас нь сэргээлээ. %1 Түүний операторуудын нэгээр нэвтэрнэ үү.</translation>
    </message>
    <message>
        <source>Sign in as %1 with the password you chose. The Settings tab adds the desk's clerks (New operator…) and shows the module, the CA connectors and the trust anchors.</source>
        <translation>Сонгосон нууц үгээрээ %1 нэрээр нэвтэрнэ үү. Тохиргоо хэсэгт ширээний ажилтнуудыг нэмнэ (Шинэ оператор…); мөн модуль, гэрчилгээ олгогчийн холболт, итгэмжлэгдсэн үндсэн гэрчилгээ тэнд харагдана.</translation>
    </message>
    <message>
        <source>This desk works on the office's shared registry. Sign in as one of its operators. The registry's audit key stays on the desks, never on the server: copy registry.audit-key from the folder of the same name on the first desk into %1, or the audit log says its key is missing.</source>
        <translation>Энэ ширээ албаны нэгдсэн бүртгэл дээр ажиллана. Түүний операторуудын нэгээр нэвтэрнэ үү. Бүртгэлийн аудитын түлхүүр серверт биш, зөвхөн ширээнүүд дээр хадгалагдана: эхний ширээний ижил нэртэй хавтаснаас registry.audit-key файлыг %1 руу хуулна уу, эс бөгөөс аудитын бүртгэл түлхүүр алга гэж мэдэгдэнэ.</translation>
    </message>
</context>
<context>
    <name>tamga::ui::SignInDialog</name>
    <message>
        <source>Tamga — sign in (TRAINING)</source>
        <translation>Тамга — нэвтрэх (СУРГАЛТ)</translation>
    </message>
    <message>
        <source>Tamga — sign in</source>
        <translation>Тамга — нэвтрэх</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Tamga&lt;/h2&gt;&lt;p&gt;Registration desk for digital-signature e-tokens&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Тамга&lt;/h2&gt;&lt;p&gt;Тоон гарын үсгийн э-токен олгох бүртгэлийн ширээ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>TRAINING DESK — practice CA and training tokens only. Sign in as &lt;b&gt;trainer&lt;/b&gt;, password &lt;b&gt;trainer-desk&lt;/b&gt;.</source>
        <translation>СУРГАЛТЫН ШИРЭЭ — зөвхөн дадлагын гэрчилгээ олгогч, сургалтын токен. &lt;b&gt;trainer&lt;/b&gt; нэрээр, &lt;b&gt;trainer-desk&lt;/b&gt; нууц үгээр нэвтэрнэ үү.</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Ажилтан:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Нууц үг:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Нэвтрэх</translation>
    </message>
    <message>
        <source>Wrong operator name or password.</source>
        <translation>Ажилтны нэр эсвэл нууц үг буруу байна.</translation>
    </message>
</context>
<context>
    <name>tamga::ui::SupervisorPage</name>
    <message>
        <source>The first supervisor</source>
        <translation>Анхны ахлах ажилтан</translation>
    </message>
    <message>
        <source>The supervisor signs in first and adds the desk's clerks and other supervisors. Passwords are kept only as scrypt hashes.</source>
        <translation>Ахлах ажилтан эхэлж нэвтэрч, ширээний ажилтнууд болон бусад ахлах ажилтныг нэмнэ. Нууц үгийг зөвхөн scrypt хэшээр хадгална.</translation>
    </message>
    <message>
        <source>&amp;Create the supervisor</source>
        <translation>Ахлах ажилтныг &amp;үүсгэх</translation>
    </message>
    <message>
        <source>Operator na&amp;me:</source>
        <translation>&amp;Операторын нэр:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Нууц үг:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Нууц үг да&amp;хин:</translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation>Хоёр нууц үг зөрж байна: дахин бичнэ үү.</translation>
    </message>
    <message>
        <source>The supervisor was not created: %1</source>
        <translation>Ахлах ажилтан үүсээгүй: %1</translation>
    </message>
    <message>
        <source>The database cannot be made: %1</source>
        <translation>Өгөгдлийн санг үүсгэж чадсангүй: %1</translation>
    </message>
</context>
<context>
    <name>tamga::ui::TrustPage</name>
    <message>
        <source>Trust anchors</source>
        <translation>Итгэмжлэгдсэн үндсэн гэрчилгээ</translation>
    </message>
    <message>
        <source>The CA's root and issuing certificates (PEM files from the CA): every certificate the CA sends is checked against them before it goes onto a token.</source>
        <translation>Гэрчилгээ олгогчийн үндсэн болон олгогч гэрчилгээ (гэрчилгээ олгогчоос ирсэн PEM файл): гэрчилгээ олгогчийн илгээсэн гэрчилгээ бүрийг токенд бичихээс өмнө эдгээрээр шалгана.</translation>
    </message>
    <message>
        <source>&amp;Import CA certificates…</source>
        <translation>Гэрчилгээ олгогчийн гэрчилгээг &amp;импортлох…</translation>
    </message>
    <message>
        <source>CA certificates (PEM)</source>
        <translation>Гэрчилгээ олгогчийн гэрчилгээ (PEM)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1-ийг уншиж чадсангүй: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new certificate(s) from %1.</source>
        <translation><numerusform>%1-ээс %n шинэ гэрчилгээ.</numerusform><numerusform>%1-ээс %n шинэ гэрчилгээ.</numerusform></translation>
    </message>
    <message>
        <source>Not imported from %1: %2</source>
        <translation>%1-ээс импортлогдсонгүй: %2</translation>
    </message>
</context>
</TS>