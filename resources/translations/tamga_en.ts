<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>DisplayNames</name>
    <message>
        <source>started</source>
        <translation>started</translation>
    </message>
    <message>
        <source>token prepared</source>
        <translation>token prepared</translation>
    </message>
    <message>
        <source>key made on the token</source>
        <translation>key made on the token</translation>
    </message>
    <message>
        <source>request signed</source>
        <translation>request signed</translation>
    </message>
    <message>
        <source>waiting for the CA</source>
        <translation>waiting for the CA</translation>
    </message>
    <message>
        <source>certificate received</source>
        <translation>certificate received</translation>
    </message>
    <message>
        <source>certificate written to the token</source>
        <translation>certificate written to the token</translation>
    </message>
    <message>
        <source>verified, to be handed over</source>
        <translation>verified, to be handed over</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>handed over</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>operator added</source>
        <translation>operator added</translation>
    </message>
    <message>
        <source>sign-in</source>
        <translation>sign-in</translation>
    </message>
    <message>
        <source>action refused to the operator's role</source>
        <translation>action refused to the operator's role</translation>
    </message>
    <message>
        <source>organization added</source>
        <translation>organization added</translation>
    </message>
    <message>
        <source>officer added</source>
        <translation>officer added</translation>
    </message>
    <message>
        <source>officer's record changed</source>
        <translation>officer's record changed</translation>
    </message>
    <message>
        <source>officers imported</source>
        <translation>officers imported</translation>
    </message>
    <message>
        <source>setting changed</source>
        <translation>setting changed</translation>
    </message>
    <message>
        <source>CA connector added</source>
        <translation>CA connector added</translation>
    </message>
    <message>
        <source>trust anchor added</source>
        <translation>trust anchor added</translation>
    </message>
    <message>
        <source>certificate profile added</source>
        <translation>certificate profile added</translation>
    </message>
    <message>
        <source>receipt printed</source>
        <translation>receipt printed</translation>
    </message>
    <message>
        <source>requests exported for the CA</source>
        <translation>requests exported for the CA</translation>
    </message>
    <message>
        <source>certificates imported from the CA</source>
        <translation>certificates imported from the CA</translation>
    </message>
    <message>
        <source>token initialized</source>
        <translation>token initialized</translation>
    </message>
    <message>
        <source>token PIN changed</source>
        <translation>token PIN changed</translation>
    </message>
    <message>
        <source>token PIN unblocked</source>
        <translation>token PIN unblocked</translation>
    </message>
    <message>
        <source>key made on a token</source>
        <translation>key made on a token</translation>
    </message>
    <message>
        <source>key deleted from a token</source>
        <translation>key deleted from a token</translation>
    </message>
    <message>
        <source>enrollment: %1</source>
        <translation>enrollment: %1</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signing</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>Digital signature of documents (non-repudiation)</source>
        <translation>Digital signature of documents (non-repudiation)</translation>
    </message>
    <message>
        <source>Sign-in to systems and protected e-mail</source>
        <translation>Sign-in to systems and protected e-mail</translation>
    </message>
    <message>
        <source>token erased and initialized</source>
        <translation>token erased and initialized</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>clerk</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>in stock</source>
        <translation>in stock</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>prepared</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>lost</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
    <message>
        <source>wiped, ready again</source>
        <translation>wiped, ready again</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>retired</translation>
    </message>
    <message>
        <source>received, awaits a second supervisor</source>
        <translation>received, awaits a second supervisor</translation>
    </message>
    <message>
        <source>approved, to be sent to the CA</source>
        <translation>approved, to be sent to the CA</translation>
    </message>
    <message>
        <source>sent, awaits the CA's confirmation</source>
        <translation>sent, awaits the CA's confirmation</translation>
    </message>
    <message>
        <source>revoked, confirmed by the CA</source>
        <translation>revoked, confirmed by the CA</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>key compromised or token lost</source>
        <translation>key compromised or token lost</translation>
    </message>
    <message>
        <source>left the post or the organization</source>
        <translation>left the post or the organization</translation>
    </message>
    <message>
        <source>replaced by a new certificate</source>
        <translation>replaced by a new certificate</translation>
    </message>
    <message>
        <source>the organization ceased to operate</source>
        <translation>the organization ceased to operate</translation>
    </message>
    <message>
        <source>signing right withdrawn</source>
        <translation>signing right withdrawn</translation>
    </message>
    <message>
        <source>suspended for now</source>
        <translation>suspended for now</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>old key deleted after a renewal</source>
        <translation>old key deleted after a renewal</translation>
    </message>
    <message>
        <source>renewal started</source>
        <translation>renewal started</translation>
    </message>
    <message>
        <source>renewal completed</source>
        <translation>renewal completed</translation>
    </message>
</context>
<context>
    <name>EnrollmentWizard</name>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Find the officer in the registry: type part of a name, the civil ID or the organization, or scan the civil ID.</source>
        <translation>Find the officer in the registry: type part of a name, the civil ID or the organization, or scan the civil ID.</translation>
    </message>
    <message>
        <source>Search (Cyrillic or Latin)…</source>
        <translation>Search (Cyrillic or Latin)…</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Civil ID</source>
        <translation>Civil ID</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Check the data</source>
        <translation>Check the data</translation>
    </message>
    <message>
        <source>Read the record to the officer. The certificate will carry exactly the subject below.</source>
        <translation>Read the record to the officer. The certificate will carry exactly the subject below.</translation>
    </message>
    <message>
        <source>Certificate &amp;profile:</source>
        <translation>Certificate &amp;profile:</translation>
    </message>
    <message>
        <source>Certification &amp;authority:</source>
        <translation>Certification &amp;authority:</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>ASN.1 type</source>
        <translation>ASN.1 type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>E-token</source>
        <translation>E-token</translation>
    </message>
    <message>
        <source>Plug the officer's e-token in. It is recognised as soon as it is inserted.</source>
        <translation>Plug the officer's e-token in. It is recognised as soon as it is inserted.</translation>
    </message>
    <message>
        <source>%1 — %2 (serial %3)</source>
        <translation>%1 — %2 (serial %3)</translation>
    </message>
    <message>
        <source>New token — %1 (not initialized)</source>
        <translation>New token — %1 (not initialized)</translation>
    </message>
    <message>
        <source>No token is plugged in.</source>
        <translation>No token is plugged in.</translation>
    </message>
    <message>
        <source>Choose the officer's token.</source>
        <translation>Choose the officer's token.</translation>
    </message>
    <message>
        <source>This token is new: it will be initialized on the next page.</source>
        <translation>This token is new: it will be initialized on the next page.</translation>
    </message>
    <message>
        <source>This token's PIN is blocked: a supervisor must unblock it, or initialize it again.</source>
        <translation>This token's PIN is blocked: a supervisor must unblock it, or initialize it again.</translation>
    </message>
    <message>
        <source>Token ready. PIN length %1 to %2.</source>
        <translation>Token ready. PIN length %1 to %2.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>The officer chooses the PIN and types it twice. Nobody else should see it.</source>
        <translation>The officer chooses the PIN and types it twice. Nobody else should see it.</translation>
    </message>
    <message>
        <source>Token &amp;label:</source>
        <translation>Token &amp;label:</translation>
    </message>
    <message>
        <source>SO PIN &amp;again:</source>
        <translation>SO PIN &amp;again:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>PIN a&amp;gain:</source>
        <translation>PIN a&amp;gain:</translation>
    </message>
    <message>
        <source>%1 to %2 digits; not one digit repeated (111111) and not a run (123456).</source>
        <translation>%1 to %2 digits; not one digit repeated (111111) and not a run (123456).</translation>
    </message>
    <message>
        <source>The two PINs differ. Type them again.</source>
        <translation>The two PINs differ. Type them again.</translation>
    </message>
    <message>
        <source>The two SO PINs differ or are too short.</source>
        <translation>The two SO PINs differ or are too short.</translation>
    </message>
    <message>
        <source>The token label must be 1 to 32 bytes long.</source>
        <translation>The token label must be 1 to 32 bytes long.</translation>
    </message>
    <message>
        <source>Issuing the certificate</source>
        <translation>Issuing the certificate</translation>
    </message>
    <message>
        <source>The key is made on the token; the certificate comes from the CA and is written back. The window stays usable; the token must stay plugged in.</source>
        <translation>The key is made on the token; the certificate comes from the CA and is written back. The window stays usable; the token must stay plugged in.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>Token prepared</source>
        <translation>Token prepared</translation>
    </message>
    <message>
        <source>Key pair generated on the token</source>
        <translation>Key pair generated on the token</translation>
    </message>
    <message>
        <source>Request signed on the token</source>
        <translation>Request signed on the token</translation>
    </message>
    <message>
        <source>Request sent to the CA</source>
        <translation>Request sent to the CA</translation>
    </message>
    <message>
        <source>Certificate received and checked</source>
        <translation>Certificate received and checked</translation>
    </message>
    <message>
        <source>Certificate and chain written to the token</source>
        <translation>Certificate and chain written to the token</translation>
    </message>
    <message>
        <source>Token read back and verified</source>
        <translation>Token read back and verified</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>The certificate is on the token and verified.</source>
        <translation>The certificate is on the token and verified.</translation>
    </message>
    <message>
        <source>The request waits for the CA (state: %1). Resume the enrollment when the certificate has come back.</source>
        <translation>The request waits for the CA (state: %1). Resume the enrollment when the certificate has come back.</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>Handover receipt</source>
        <translation>Handover receipt</translation>
    </message>
    <message>
        <source>Print both copies. The officer and you sign them.</source>
        <translation>Print both copies. The officer and you sign them.</translation>
    </message>
    <message>
        <source>Print p&amp;review…</source>
        <translation>Print p&amp;review…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, %2&lt;br&gt;Certificate %3&lt;br&gt;Token %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2&lt;br&gt;Certificate %3&lt;br&gt;Token %4</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>Hand-over</translation>
    </message>
    <message>
        <source>The officer &amp;signed both copies and took the token</source>
        <translation>The officer &amp;signed both copies and took the token</translation>
    </message>
    <message>
        <source>The PIN must be %1 to %2 digits long.</source>
        <translation>The PIN must be %1 to %2 digits long.</translation>
    </message>
    <message>
        <source>The PIN may only contain digits.</source>
        <translation>The PIN may only contain digits.</translation>
    </message>
    <message>
        <source>The PIN must not repeat one digit (like 111111).</source>
        <translation>The PIN must not repeat one digit (like 111111).</translation>
    </message>
    <message>
        <source>The PIN must not be a run of consecutive digits (like 123456).</source>
        <translation>The PIN must not be a run of consecutive digits (like 123456).</translation>
    </message>
    <message>
        <source>&amp;Erase the token and start clean (its keys and certificates are lost)</source>
        <translation>&amp;Erase the token and start clean (its keys and certificates are lost)</translation>
    </message>
    <message>
        <source>The PIN is wrong.</source>
        <translation>The PIN is wrong.</translation>
    </message>
    <message>
        <source>The PIN is blocked: a supervisor must unblock it.</source>
        <translation>The PIN is blocked: a supervisor must unblock it.</translation>
    </message>
    <message>
        <source>The token was removed. Plug it in again and press Try again.</source>
        <translation>The token was removed. Plug it in again and press Try again.</translation>
    </message>
    <message>
        <source>The token is not plugged in.</source>
        <translation>The token is not plugged in.</translation>
    </message>
    <message>
        <source>The token is full.</source>
        <translation>The token is full.</translation>
    </message>
    <message>
        <source>This token cannot make this kind of key.</source>
        <translation>This token cannot make this kind of key.</translation>
    </message>
    <message>
        <source>The token refused the operation.</source>
        <translation>The token refused the operation.</translation>
    </message>
    <message>
        <source>The certification authority cannot be reached.</source>
        <translation>The certification authority cannot be reached.</translation>
    </message>
    <message>
        <source>The certification authority refused the request.</source>
        <translation>The certification authority refused the request.</translation>
    </message>
    <message>
        <source>The certification authority's answer could not be read.</source>
        <translation>The certification authority's answer could not be read.</translation>
    </message>
    <message>
        <source>The certificate from the certification authority failed the checks.</source>
        <translation>The certificate from the certification authority failed the checks.</translation>
    </message>
    <message>
        <source>The desk's database could not be written.</source>
        <translation>The desk's database could not be written.</translation>
    </message>
    <message>
        <source>The enrollment stopped.</source>
        <translation>The enrollment stopped.</translation>
    </message>
    <message>
        <source>%1
%2

Nothing is lost: the enrollment stays at "%3" and can be resumed.</source>
        <translation>%1
%2

Nothing is lost: the enrollment stays at "%3" and can be resumed.</translation>
    </message>
    <message numerus="yes">
        <source>%n officers match: choose one (arrow keys or a click), then Next.</source>
        <translation>
            <numerusform>%n officers match: choose one (arrow keys or a click), then Next.</numerusform><numerusform>%n officers match: choose one (arrow keys or a click), then Next.</numerusform></translation>
    </message>
    <message>
        <source>Nobody in the registry matches.</source>
        <translation>Nobody in the registry matches.</translation>
    </message>
    <message>
        <source>The officer &amp;confirmed that these data are right</source>
        <translation>The officer &amp;confirmed that these data are right</translation>
    </message>
    <message>
        <source>This officer already holds a valid %1 certificate (enrollment #%2, valid until %3, token %4). Go on only if a second one is really wanted.</source>
        <translation>This officer already holds a valid %1 certificate (enrollment #%2, valid until %3, token %4). Go on only if a second one is really wanted.</translation>
    </message>
    <message>
        <source>holds the key of %1</source>
        <translation>holds the key of %1</translation>
    </message>
    <message>
        <source>This token already holds a key of this officer (enrollment #%1). Keep it and add the new key, or erase the token first.</source>
        <translation>This token already holds a key of this officer (enrollment #%1). Keep it and add the new key, or erase the token first.</translation>
    </message>
    <message>
        <source>This token holds the key of another officer: %1 (enrollment #%2). It can be used only after it is erased.%3</source>
        <translation>This token holds the key of another officer: %1 (enrollment #%2). It can be used only after it is erased.%3</translation>
    </message>
    <message>
        <source>Only a supervisor may erase it.</source>
        <translation>Only a supervisor may erase it.</translation>
    </message>
    <message>
        <source>This token holds keys made by Tamga that the desk has no record of: %1. It can be used only after it is erased.%2</source>
        <translation>This token holds keys made by Tamga that the desk has no record of: %1. It can be used only after it is erased.%2</translation>
    </message>
    <message>
        <source>Erase the token</source>
        <translation>Erase the token</translation>
    </message>
    <message>
        <source>Erase token %1? Every key and certificate on it is lost for good, and its owner can no longer sign with it.</source>
        <translation>Erase token %1? Every key and certificate on it is lost for good, and its owner can no longer sign with it.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>The officer types the PIN this token already has. Nobody else should see it.</source>
        <translation>The officer types the PIN this token already has. Nobody else should see it.</translation>
    </message>
    <message>
        <source>Officer: &lt;b&gt;%1&lt;/b&gt; · token &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Officer: &lt;b&gt;%1&lt;/b&gt; · token &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>new token</source>
        <translation>new token</translation>
    </message>
    <message>
        <source>The token takes PINs of %1 to %2 characters.</source>
        <translation>The token takes PINs of %1 to %2 characters.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %2&lt;/b&gt; — %3&lt;br&gt;%4&lt;br&gt;Civil ID &lt;b&gt;%5&lt;/b&gt;%6</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt; — %3&lt;br&gt;%4&lt;br&gt;Civil ID &lt;b&gt;%5&lt;/b&gt;%6</translation>
    </message>
    <message>
        <source>Erase token %1 of %2? Every key and certificate on it is lost for good, and %2 can no longer sign with it.</source>
        <translation>Erase token %1 of %2? Every key and certificate on it is lost for good, and %2 can no longer sign with it.</translation>
    </message>
    <message>
        <source>Two plugged-in tokens cannot be told apart. Leave only one plugged in.</source>
        <translation>Two plugged-in tokens cannot be told apart. Leave only one plugged in.</translation>
    </message>
    <message>
        <source>Once both copies are signed, the officer signs the acceptance with the token and their own PIN: the first signature proves that token, PIN and certificate work together.</source>
        <translation>Once both copies are signed, the officer signs the acceptance with the token and their own PIN: the first signature proves that token, PIN and certificate work together.</translation>
    </message>
    <message>
        <source>The officer's &amp;PIN:</source>
        <translation>The officer's &amp;PIN:</translation>
    </message>
    <message>
        <source>Sign with the token (&amp;W)</source>
        <translation>Sign with the token (&amp;W)</translation>
    </message>
    <message>
        <source>The token is signing…</source>
        <translation>The token is signing…</translation>
    </message>
    <message>
        <source>The officer's first signature was made on the token and verified. The token is the officer's.</source>
        <translation>The officer's first signature was made on the token and verified. The token is the officer's.</translation>
    </message>
    <message>
        <source>The acceptance could not be signed.</source>
        <translation>The acceptance could not be signed.</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>S&amp;O PIN (supervisor):</source>
        <translation>S&amp;O PIN (supervisor):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New enrollment  (Ctrl+N)</source>
        <translation>&amp;New enrollment  (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search by name, civil ID or organization (Cyrillic or Latin)…</source>
        <translation>Search by name, civil ID or organization (Cyrillic or Latin)…</translation>
    </message>
    <message>
        <source>&amp;Add officer…</source>
        <translation>&amp;Add officer…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Civil ID</source>
        <translation>Civil ID</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Officer list</source>
        <translation>Officer list</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>All organizations</translation>
    </message>
    <message>
        <source>Add officer</source>
        <translation>Add officer</translation>
    </message>
    <message>
        <source>&amp;Surname:</source>
        <translation>&amp;Surname:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Given name:</translation>
    </message>
    <message>
        <source>&amp;Civil ID:</source>
        <translation>&amp;Civil ID:</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Department:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organization:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>line %1, %2: %3</source>
        <translation>line %1, %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the file: nothing was imported.</source>
        <translation>
            <numerusform>%n problem in the file: nothing was imported.</numerusform><numerusform>%n problems in the file: nothing was imported.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing to change: all %n row(s) are in the registry already.</source>
        <translation>
            <numerusform>Nothing to change: all %n row are in the registry already.</numerusform><numerusform>Nothing to change: all %n rows are in the registry already.</numerusform></translation>
    </message>
    <message>
        <source>%1 rows: %2 new officers, %3 updated, %4 unchanged, %5 new organizations. Import them?</source>
        <translation>%1 rows: %2 new officers, %3 updated, %4 unchanged, %5 new organizations. Import them?</translation>
    </message>
    <message>
        <source>The file changed in the meantime; nothing was imported.</source>
        <translation>The file changed in the meantime; nothing was imported.</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>&amp;Initialize…</source>
        <translation>&amp;Initialize…</translation>
    </message>
    <message>
        <source>&amp;Change PIN…</source>
        <translation>&amp;Change PIN…</translation>
    </message>
    <message>
        <source>Supervisors only</source>
        <translation>Supervisors only</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>Done. %1</translation>
    </message>
    <message>
        <source>Initialize token</source>
        <translation>Initialize token</translation>
    </message>
    <message>
        <source>Token label:</source>
        <translation>Token label:</translation>
    </message>
    <message>
        <source>New SO PIN:</source>
        <translation>New SO PIN:</translation>
    </message>
    <message>
        <source>New user PIN:</source>
        <translation>New user PIN:</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <source>Current PIN:</source>
        <translation>Current PIN:</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>New PIN:</translation>
    </message>
    <message>
        <source>Unblock PIN</source>
        <translation>Unblock PIN</translation>
    </message>
    <message>
        <source>SO PIN:</source>
        <translation>SO PIN:</translation>
    </message>
    <message>
        <source>not initialized</source>
        <translation>not initialized</translation>
    </message>
    <message>
        <source>PIN blocked</source>
        <translation>PIN blocked</translation>
    </message>
    <message>
        <source>no user PIN</source>
        <translation>no user PIN</translation>
    </message>
    <message>
        <source>PIN: final try</source>
        <translation>PIN: final try</translation>
    </message>
    <message>
        <source>PIN: few tries left</source>
        <translation>PIN: few tries left</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>%1–%2 characters</source>
        <translation>%1–%2 characters</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Organization…</source>
        <translation>Organization…</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>CA</source>
        <translation>CA</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>The audit log is intact: %1 events. Chain head %2</source>
        <translation>The audit log is intact: %1 events. Chain head %2</translation>
    </message>
    <message>
        <source>TAMPERED: %1</source>
        <translation>TAMPERED: %1</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>The language changes the next time Tamga starts.</source>
        <translation>The language changes the next time Tamga starts.</translation>
    </message>
    <message>
        <source>PKCS#11 modules (p11-kit):</source>
        <translation>PKCS#11 modules (p11-kit):</translation>
    </message>
    <message>
        <source>CA connectors:</source>
        <translation>CA connectors:</translation>
    </message>
    <message>
        <source>Asking the CA…</source>
        <translation>Asking the CA…</translation>
    </message>
    <message>
        <source>Trust anchors:</source>
        <translation>Trust anchors:</translation>
    </message>
    <message>
        <source>Certificate profiles:</source>
        <translation>Certificate profiles:</translation>
    </message>
    <message>
        <source>Edit officer</source>
        <translation>Edit officer</translation>
    </message>
    <message>
        <source>The desk uses %1 from its next start.</source>
        <translation>The desk uses %1 from its next start.</translation>
    </message>
    <message>
        <source>Civil ID of an officer, for the subject preview</source>
        <translation>Civil ID of an officer, for the subject preview</translation>
    </message>
    <message>
        <source>Subject &amp;preview for:</source>
        <translation>Subject &amp;preview for:</translation>
    </message>
    <message>
        <source>installed by hand, no package</source>
        <translation>installed by hand, no package</translation>
    </message>
    <message>
        <source>package %1</source>
        <translation>package %1</translation>
    </message>
    <message>
        <source>The database could not be read: %1</source>
        <translation>The database could not be read: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Campaign: %1 officers registered · %2 started · %3 with the certificate on the token · %4 handed over</source>
        <translation>Campaign: %1 officers registered · %2 started · %3 with the certificate on the token · %4 handed over</translation>
    </message>
    <message>
        <source>%1 of %2 handed over (%p%)</source>
        <translation>%1 of %2 handed over (%p%)</translation>
    </message>
    <message>
        <source>#%1  %2 — %3</source>
        <translation>#%1  %2 — %3</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 on the token, %4 handed over</source>
        <translation>%1 — %2 of %3 on the token, %4 handed over</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Enrollments to f&amp;inish (%1)</source>
        <translation>Enrollments to f&amp;inish (%1)</translation>
    </message>
    <message>
        <source>Certificates to &amp;write back (%1)</source>
        <translation>Certificates to &amp;write back (%1)</translation>
    </message>
    <message>
        <source>Waiting for &amp;hand-over (%1)</source>
        <translation>Waiting for &amp;hand-over (%1)</translation>
    </message>
    <message>
        <source>&amp;Batches open (%1)</source>
        <translation>&amp;Batches open (%1)</translation>
    </message>
    <message>
        <source>Or&amp;ganizations not started (%1)</source>
        <translation>Or&amp;ganizations not started (%1)</translation>
    </message>
    <message>
        <source>Token stoc&amp;k</source>
        <translation>Token stoc&amp;k</translation>
    </message>
    <message>
        <source>%1 of %2 not started — %3</source>
        <translation>%1 of %2 not started — %3</translation>
    </message>
    <message>
        <source>Campaign progress</source>
        <translation>Campaign progress</translation>
    </message>
    <message>
        <source>Daily summary</source>
        <translation>Daily summary</translation>
    </message>
    <message>
        <source>Token stock and revocations</source>
        <translation>Token stock and revocations</translation>
    </message>
    <message>
        <source>Re&amp;port:</source>
        <translation>Re&amp;port:</translation>
    </message>
    <message>
        <source>Da&amp;y:</source>
        <translation>Da&amp;y:</translation>
    </message>
    <message>
        <source>Pr&amp;int preview…</source>
        <translation>Pr&amp;int preview…</translation>
    </message>
    <message>
        <source>Save as PD&amp;F…</source>
        <translation>Save as PD&amp;F…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Your pass&amp;word (unlocks the desk key that seals each token's PINs):</source>
        <translation>Your pass&amp;word (unlocks the desk key that seals each token's PINs):</translation>
    </message>
    <message>
        <source>The RA's S&amp;O PIN for new tokens:</source>
        <translation>The RA's S&amp;O PIN for new tokens:</translation>
    </message>
    <message>
        <source>The officer's P&amp;IN:</source>
        <translation>The officer's P&amp;IN:</translation>
    </message>
    <message>
        <source>The officer's PIN a&amp;gain:</source>
        <translation>The officer's PIN a&amp;gain:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Batch session — %1</source>
        <translation>Batch session — %1</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;%2 · profile %3 · CA %4</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;%2 · profile %3 · CA %4</translation>
    </message>
    <message>
        <source>the officers are at the desk</source>
        <translation>the officers are at the desk</translation>
    </message>
    <message>
        <source>tokens prepared before the officers come</source>
        <translation>tokens prepared before the officers come</translation>
    </message>
    <message>
        <source>%1 of %2 with the certificate on the token</source>
        <translation>%1 of %2 with the certificate on the token</translation>
    </message>
    <message>
        <source>waiting for a token</source>
        <translation>waiting for a token</translation>
    </message>
    <message>
        <source>Tokens prepared in advance get PINs only the desk knows: a supervisor runs this batch.</source>
        <translation>Tokens prepared in advance get PINs only the desk knows: a supervisor runs this batch.</translation>
    </message>
    <message>
        <source>Type the RA's SO PIN for new tokens, then Enter.</source>
        <translation>Type the RA's SO PIN for new tokens, then Enter.</translation>
    </message>
    <message>
        <source>Paused. Continue with Alt+S; the batch can also be continued another day.</source>
        <translation>Paused. Continue with Alt+S; the batch can also be continued another day.</translation>
    </message>
    <message>
        <source>&amp;Pause the session</source>
        <translation>&amp;Pause the session</translation>
    </message>
    <message>
        <source>&amp;Start the session</source>
        <translation>&amp;Start the session</translation>
    </message>
    <message>
        <source>Nothing waits for a token here. Certificates still at the CA are written when their tokens come back.</source>
        <translation>Nothing waits for a token here. Certificates still at the CA are written when their tokens come back.</translation>
    </message>
    <message>
        <source>%1's token stopped: %2. Plug it in again.</source>
        <translation>%1's token stopped: %2. Plug it in again.</translation>
    </message>
    <message>
        <source>Plug the token in again, or another blank token.</source>
        <translation>Plug the token in again, or another blank token.</translation>
    </message>
    <message>
        <source>Plug in a blank token for %1.</source>
        <translation>Plug in a blank token for %1.</translation>
    </message>
    <message>
        <source>%1: type your PIN twice, then Enter.</source>
        <translation>%1: type your PIN twice, then Enter.</translation>
    </message>
    <message>
        <source>The two PINs differ: type them again.</source>
        <translation>The two PINs differ: type them again.</translation>
    </message>
    <message>
        <source>Working on the token for %1…</source>
        <translation>Working on the token for %1…</translation>
    </message>
    <message>
        <source>Stopped: %1 The officer can be resumed when the token is back.</source>
        <translation>Stopped: %1 The officer can be resumed when the token is back.</translation>
    </message>
    <message>
        <source>Done. Pull the token out; the next one can go in.</source>
        <translation>Done. Pull the token out; the next one can go in.</translation>
    </message>
    <message>
        <source>Batch session…  (Ctrl+B)</source>
        <translation>Batch session…  (Ctrl+B)</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>New batch</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Officers from a &amp;CSV of civil IDs:</source>
        <translation>Officers from a &amp;CSV of civil IDs:</translation>
    </message>
    <message>
        <source>Certificate &amp;profile:</source>
        <translation>Certificate &amp;profile:</translation>
    </message>
    <message>
        <source>Certification &amp;authority:</source>
        <translation>Certification &amp;authority:</translation>
    </message>
    <message>
        <source>Tokens pr&amp;epared before the officers come (a supervisor runs it)</source>
        <translation>Tokens pr&amp;epared before the officers come (a supervisor runs it)</translation>
    </message>
    <message>
        <source>Create the batch</source>
        <translation>Create the batch</translation>
    </message>
    <message>
        <source>Type your password and press Enter to start the session.</source>
        <translation>Type your password and press Enter to start the session.</translation>
    </message>
    <message>
        <source>Type the RA's SO PIN for new tokens and press Enter to start the session.</source>
        <translation>Type the RA's SO PIN for new tokens and press Enter to start the session.</translation>
    </message>
    <message>
        <source>New batch…  (Ctrl+Shift+B)</source>
        <translation>New batch…  (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>&amp;Hand-over session for the selected officer's organization…</source>
        <translation>&amp;Hand-over session for the selected officer's organization…</translation>
    </message>
    <message>
        <source>Hand-over session for %1: nobody waits for a hand-over.</source>
        <translation>Hand-over session for %1: nobody waits for a hand-over.</translation>
    </message>
    <message>
        <source>Hand-over session for %1: %2 (%3 waiting).</source>
        <translation>Hand-over session for %1: %2 (%3 waiting).</translation>
    </message>
    <message>
        <source>Hand-over session for %1 stopped; Alt+H goes on with the next officer.</source>
        <translation>Hand-over session for %1 stopped; Alt+H goes on with the next officer.</translation>
    </message>
    <message>
        <source>%1's token is out: plug it in again to go on with it.</source>
        <translation>%1's token is out: plug it in again to go on with it.</translation>
    </message>
    <message>
        <source>Tokens worked at o&amp;nce (a USB hub):</source>
        <translation>Tokens worked at o&amp;nce (a USB hub):</translation>
    </message>
    <message>
        <source>Working on up to %1 tokens side by side…</source>
        <translation>Working on up to %1 tokens side by side…</translation>
    </message>
    <message>
        <source>Selected officer's token &amp;lost…</source>
        <translation>Selected officer's token &amp;lost…</translation>
    </message>
    <message>
        <source>Working: %1</source>
        <translation>Working: %1</translation>
    </message>
    <message>
        <source>Pausing: the tokens in hand are finished first.</source>
        <translation>Pausing: the tokens in hand are finished first.</translation>
    </message>
    <message>
        <source>Select the officer whose token is lost, then Alt+L.</source>
        <translation>Select the officer whose token is lost, then Alt+L.</translation>
    </message>
    <message>
        <source>Token lost</source>
        <translation>Token lost</translation>
    </message>
    <message>
        <source>What happened to %1's token %2? The enrollment is cancelled and the officer waits for a new token.</source>
        <translation>What happened to %1's token %2? The enrollment is cancelled and the officer waits for a new token.</translation>
    </message>
    <message>
        <source>%1's token is marked lost; the officer waits for a new token.</source>
        <translation>%1's token is marked lost; the officer waits for a new token.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The token stock&lt;/b&gt;: every token the RA holds</source>
        <translation>&lt;b&gt;The token stock&lt;/b&gt;: every token the RA holds</translation>
    </message>
    <message>
        <source>every state</source>
        <translation>every state</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>First seen</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Set stoc&amp;k state…</source>
        <translation>Set stoc&amp;k state…</translation>
    </message>
    <message>
        <source>End of da&amp;y…</source>
        <translation>End of da&amp;y…</translation>
    </message>
    <message>
        <source>Select a token of the stock first.</source>
        <translation>Select a token of the stock first.</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <source>A token that is %1 goes nowhere from here.</source>
        <translation>A token that is %1 goes nowhere from here.</translation>
    </message>
    <message>
        <source>It is %1 now. &amp;New state:</source>
        <translation>It is %1 now. &amp;New state:</translation>
    </message>
    <message>
        <source>&amp;Reason (kept in its history):</source>
        <translation>&amp;Reason (kept in its history):</translation>
    </message>
    <message>
        <source>Token %1 is %2 now.</source>
        <translation>Token %1 is %2 now.</translation>
    </message>
    <message>
        <source>A supplier's delivery list</source>
        <translation>A supplier's delivery list</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The list has %n bad line(s); no token was added.</source>
        <translation>
            <numerusform>The list has %n bad line; no token was added.</numerusform><numerusform>The list has %n bad lines; no token was added.</numerusform></translation>
    </message>
    <message>
        <source>%1 token(s) added, %2 in the stock already.</source>
        <translation>%1 token(s) added, %2 in the stock already.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;End of day %1&lt;/h3&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Received&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Issued&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Receipts signed&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Returned&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Spoiled (lost, blocked, retired)&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;In stock at the end&lt;/td&gt;&lt;td align=right&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Prepared at the end&lt;/td&gt;&lt;td align=right&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;End of day %1&lt;/h3&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Received&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Issued&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Receipts signed&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Returned&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Spoiled (lost, blocked, retired)&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;In stock at the end&lt;/td&gt;&lt;td align=right&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Prepared at the end&lt;/td&gt;&lt;td align=right&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%n token(s) issued without a signed receipt:&lt;/b&gt; look into them before the day ends.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%n token issued without a signed receipt:&lt;/b&gt; look into them before the day ends.&lt;/p&gt;</numerusform><numerusform>&lt;p&gt;&lt;b&gt;%n tokens issued without a signed receipt:&lt;/b&gt; look into them before the day ends.&lt;/p&gt;</numerusform></translation>
    </message>
    <message>
        <source>&lt;p&gt;The daily summary on the Reports tab prints this for the head of the RA.&lt;/p&gt;</source>
        <translation>&lt;p&gt;The daily summary on the Reports tab prints this for the head of the RA.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>End of day</source>
        <translation>End of day</translation>
    </message>
    <message>
        <source>E&amp;xport the sealed bundle…</source>
        <translation>E&amp;xport the sealed bundle…</translation>
    </message>
    <message>
        <source>Import the CA's answe&amp;r…</source>
        <translation>Import the CA's answe&amp;r…</translation>
    </message>
    <message>
        <source>The folder for the sealed bundle (empty, or new)</source>
        <translation>The folder for the sealed bundle (empty, or new)</translation>
    </message>
    <message>
        <source>Sign the bundle</source>
        <translation>Sign the bundle</translation>
    </message>
    <message>
        <source>The PIN of the desk's own token:</source>
        <translation>The PIN of the desk's own token:</translation>
    </message>
    <message>
        <source>Sealing the bundle…</source>
        <translation>Sealing the bundle…</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) sealed in %1; manifest SHA-256 %2.</source>
        <translation>
            <numerusform>%n request sealed in %1; manifest SHA-256 %2.</numerusform><numerusform>%n requests sealed in %1; manifest SHA-256 %2.</numerusform></translation>
    </message>
    <message>
        <source>Signed by the desk's certificate (SHA-256 %1).</source>
        <translation>Signed by the desk's certificate (SHA-256 %1).</translation>
    </message>
    <message>
        <source>Print %1 and take it with the folder to the CA.</source>
        <translation>Print %1 and take it with the folder to the CA.</translation>
    </message>
    <message>
        <source>The cover sheet could not be written: %1</source>
        <translation>The cover sheet could not be written: %1</translation>
    </message>
    <message>
        <source>The bundle is sealed. When the CA answers, Alt+R imports its answer.</source>
        <translation>The bundle is sealed. When the CA answers, Alt+R imports its answer.</translation>
    </message>
    <message>
        <source>The CA's answer: its PKCS#7 file, or any file in the answer's folder</source>
        <translation>The CA's answer: its PKCS#7 file, or any file in the answer's folder</translation>
    </message>
    <message>
        <source>Checking the CA's answer…</source>
        <translation>Checking the CA's answer…</translation>
    </message>
    <message>
        <source>matched: %1</source>
        <translation>matched: %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>refused: %1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>missing: %1</translation>
    </message>
    <message>
        <source>extra: %1</source>
        <translation>extra: %1</translation>
    </message>
    <message>
        <source>The answer is in: %1 matched, %2 refused, %3 missing, %4 extra. Each certificate is written when its token is plugged in.</source>
        <translation>The answer is in: %1 matched, %2 refused, %3 missing, %4 extra. Each certificate is written when its token is plugged in.</translation>
    </message>
    <message>
        <source>enrollment number, or empty</source>
        <translation>enrollment number, or empty</translation>
    </message>
    <message>
        <source>Bundles are sealed with their SHA-256 alone.</source>
        <translation>Bundles are sealed with their SHA-256 alone.</translation>
    </message>
    <message>
        <source>Each bundle is signed by the desk's token of enrollment #%1.</source>
        <translation>Each bundle is signed by the desk's token of enrollment #%1.</translation>
    </message>
    <message>
        <source>Sealed bundles for an offline CA are signed by the desk's own token: the enrollment of its certificate. Empty: sealed with their SHA-256 alone.</source>
        <translation>Sealed bundles for an offline CA are signed by the desk's own token: the enrollment of its certificate. Empty: sealed with their SHA-256 alone.</translation>
    </message>
    <message>
        <source>&amp;Bundles signed by enrollment #:</source>
        <translation>&amp;Bundles signed by enrollment #:</translation>
    </message>
    <message>
        <source>&amp;Organizations (Space ticks each one you want):</source>
        <translation>&amp;Organizations (Space ticks each one you want):</translation>
    </message>
    <message>
        <source>&amp;Wipe for re-issue…</source>
        <translation>&amp;Wipe for re-issue…</translation>
    </message>
    <message>
        <source>Wipe for re-issue</source>
        <translation>Wipe for re-issue</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <source>Your password (unlocks the token's sealed SO PIN):</source>
        <translation>Your password (unlocks the token's sealed SO PIN):</translation>
    </message>
    <message>
        <source>Wiping %1… (plugged in)</source>
        <translation>Wiping %1… (plugged in)</translation>
    </message>
    <message>
        <source>Next: %1 (%2)</source>
        <translation>Next: %1 (%2)</translation>
    </message>
    <message>
        <source>Every officer of this batch has a token.</source>
        <translation>Every officer of this batch has a token.</translation>
    </message>
    <message>
        <source>Only a returned, blocked or prepared token is wiped for re-issue; %1 is %2.</source>
        <translation>Only a returned, blocked or prepared token is wiped for re-issue; %1 is %2.</translation>
    </message>
    <message>
        <source>Token %1 will be erased (its keys and certificates) for the next officer. Why?</source>
        <translation>Token %1 will be erased (its keys and certificates) for the next officer. Why?</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Save as &amp;CSV…</translation>
    </message>
    <message>
        <source>New revocation application</source>
        <translation>New revocation application</translation>
    </message>
    <message>
        <source>Officer's name or civil ID, certificate serial — or scan the receipt's QR</source>
        <translation>Officer's name or civil ID, certificate serial — or scan the receipt's QR</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>C&amp;ertificate:</source>
        <translation>C&amp;ertificate:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>What happened, in the officer's words</source>
        <translation>What happened, in the officer's words</translation>
    </message>
    <message>
        <source>The officer's &amp;statement:</source>
        <translation>The officer's &amp;statement:</translation>
    </message>
    <message>
        <source>&amp;Date of the event:</source>
        <translation>&amp;Date of the event:</translation>
    </message>
    <message>
        <source>&amp;Take the application</source>
        <translation>&amp;Take the application</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>No valid certificate matches. Try the civil ID or the serial.</source>
        <translation>No valid certificate matches. Try the civil ID or the serial.</translation>
    </message>
    <message>
        <source>Find the certificate first and choose it in the list.</source>
        <translation>Find the certificate first and choose it in the list.</translation>
    </message>
    <message>
        <source>Supervisor's &amp;name:</source>
        <translation>Supervisor's &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Why:</translation>
    </message>
    <message>
        <source>Say why: it is kept with the application.</source>
        <translation>Say why: it is kept with the application.</translation>
    </message>
    <message>
        <source>Wrong operator name or password.</source>
        <translation>Wrong operator name or password.</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>S&amp;how:</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>&amp;New application…</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Approve…</translation>
    </message>
    <message>
        <source>Re&amp;fuse…</source>
        <translation>Re&amp;fuse…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Withdraw…</translation>
    </message>
    <message>
        <source>&amp;Print the form…</source>
        <translation>&amp;Print the form…</translation>
    </message>
    <message>
        <source>Su&amp;bmit to the CA</source>
        <translation>Su&amp;bmit to the CA</translation>
    </message>
    <message>
        <source>&amp;Confirm with the CA</source>
        <translation>&amp;Confirm with the CA</translation>
    </message>
    <message>
        <source>Confirm with the CA's CR&amp;L file…</source>
        <translation>Confirm with the CA's CR&amp;L file…</translation>
    </message>
    <message>
        <source>The CA's CRL file</source>
        <translation>The CA's CRL file</translation>
    </message>
    <message>
        <source>Application #%1: %2</source>
        <translation>Application #%1: %2</translation>
    </message>
    <message>
        <source>Application #%1 for %2, certificate %3: %4. Event of %5. The officer's statement: “%6”</source>
        <translation>Application #%1 for %2, certificate %3: %4. Event of %5. The officer's statement: “%6”</translation>
    </message>
    <message>
        <source>Application #%1 taken. Print the form for the officer to sign; a second supervisor approves it.</source>
        <translation>Application #%1 taken. Print the form for the officer to sign; a second supervisor approves it.</translation>
    </message>
    <message>
        <source>Approve application #%1</source>
        <translation>Approve application #%1</translation>
    </message>
    <message>
        <source>Application #%1 approved. Submit it to the CA.</source>
        <translation>Application #%1 approved. Submit it to the CA.</translation>
    </message>
    <message>
        <source>Refuse application #%1</source>
        <translation>Refuse application #%1</translation>
    </message>
    <message>
        <source>A supervisor turns the application down; the reason is kept with it.</source>
        <translation>A supervisor turns the application down; the reason is kept with it.</translation>
    </message>
    <message>
        <source>Application #%1 refused.</source>
        <translation>Application #%1 refused.</translation>
    </message>
    <message>
        <source>Withdraw application #%1</source>
        <translation>Withdraw application #%1</translation>
    </message>
    <message>
        <source>The officer withdraws the application because:</source>
        <translation>The officer withdraws the application because:</translation>
    </message>
    <message>
        <source>Application #%1 withdrawn.</source>
        <translation>Application #%1 withdrawn.</translation>
    </message>
    <message>
        <source>Revocation form</source>
        <translation>Revocation form</translation>
    </message>
    <message>
        <source>Revocation application #%1 — print preview</source>
        <translation>Revocation application #%1 — print preview</translation>
    </message>
    <message>
        <source>Application #%1: asking the CA…</source>
        <translation>Application #%1: asking the CA…</translation>
    </message>
    <message>
        <source>I&amp;mport a delivery…</source>
        <translation>I&amp;mport a delivery…</translation>
    </message>
    <message>
        <source>Veri&amp;fy the chain</source>
        <translation>Veri&amp;fy the chain</translation>
    </message>
    <message>
        <source>St&amp;ate:</source>
        <translation>St&amp;ate:</translation>
    </message>
    <message>
        <source>O&amp;pen / continue…</source>
        <translation>O&amp;pen / continue…</translation>
    </message>
    <message>
        <source>Re&amp;ceipt…</source>
        <translation>Re&amp;ceipt…</translation>
    </message>
    <message>
        <source>&amp;Change the record…</source>
        <translation>&amp;Change the record…</translation>
    </message>
    <message>
        <source>Use the selected &amp;module for this desk</source>
        <translation>Use the selected &amp;module for this desk</translation>
    </message>
    <message>
        <source>Test the selected &amp;CA</source>
        <translation>Test the selected &amp;CA</translation>
    </message>
    <message>
        <source>Un&amp;block PIN…</source>
        <translation>Un&amp;block PIN…</translation>
    </message>
    <message>
        <source>The PIN is locked (too many wrong tries)</source>
        <translation>The PIN is locked (too many wrong tries)</translation>
    </message>
    <message>
        <source>The officer forgot the PIN</source>
        <translation>The officer forgot the PIN</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>What happened:</translation>
    </message>
    <message>
        <source>The desk keeps this token's SO PIN sealed. Your password opens it:</source>
        <translation>The desk keeps this token's SO PIN sealed. Your password opens it:</translation>
    </message>
    <message>
        <source>The officer types the new PIN:</source>
        <translation>The officer types the new PIN:</translation>
    </message>
    <message>
        <source>The officer types the new PIN again:</source>
        <translation>The officer types the new PIN again:</translation>
    </message>
    <message>
        <source>The two PINs differ. Nothing was changed.</source>
        <translation>The two PINs differ. Nothing was changed.</translation>
    </message>
    <message>
        <source>application #%1 under way</source>
        <translation>application #%1 under way</translation>
    </message>
    <message>
        <source>Save the for&amp;m as PDF…</source>
        <translation>Save the for&amp;m as PDF…</translation>
    </message>
    <message>
        <source>Closed because: “%1”</source>
        <translation>Closed because: “%1”</translation>
    </message>
    <message>
        <source>The form is not printed yet: print it for the officer to sign.</source>
        <translation>The form is not printed yet: print it for the officer to sign.</translation>
    </message>
    <message>
        <source>A supervisor other than the operator who took the application approves it (the two-person rule), having checked the form the officer signed.</source>
        <translation>A supervisor other than the operator who took the application approves it (the two-person rule), having checked the form the officer signed.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>The form could not be laid out.</source>
        <translation>The form could not be laid out.</translation>
    </message>
    <message>
        <source>The form of application #%1 is kept as %2.</source>
        <translation>The form of application #%1 is kept as %2.</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renewal</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>#%1  %2 — renewal under way</source>
        <translation>#%1  %2 — renewal under way</translation>
    </message>
    <message>
        <source>Also apply for the old certificate's &amp;revocation (replaced)</source>
        <translation>Also apply for the old certificate's &amp;revocation (replaced)</translation>
    </message>
    <message>
        <source>Re&amp;new</source>
        <translation>Re&amp;new</translation>
    </message>
    <message>
        <source>Certificates to renew</source>
        <translation>Certificates to renew</translation>
    </message>
    <message>
        <source>&amp;Take the application, token lost</source>
        <translation>&amp;Take the application, token lost</translation>
    </message>
    <message>
        <source>To&amp;ken lost…</source>
        <translation>To&amp;ken lost…</translation>
    </message>
    <message>
        <source>Application #%1 taken; the token is lost in the stock; the officer's new token waits in the batch of one #%2 (Desk: Batches open). Print the form for the officer to sign; a second supervisor approves it.</source>
        <translation>Application #%1 taken; the token is lost in the stock; the officer's new token waits in the batch of one #%2 (Desk: Batches open). Print the form for the officer to sign; a second supervisor approves it.</translation>
    </message>
    <message>
        <source>Submit application #%1</source>
        <translation>Submit application #%1</translation>
    </message>
    <message>
        <source>The desk's own token signs the request for the offline CA. Its PIN:</source>
        <translation>The desk's own token signs the request for the offline CA. Its PIN:</translation>
    </message>
    <message>
        <source>#%1  %2 — until %3, days left: %4</source>
        <translation>#%1  %2 — until %3, days left: %4</translation>
    </message>
    <message>
        <source>&amp;Certificates to renew, %1 days ahead (%2)</source>
        <translation>&amp;Certificates to renew, %1 days ahead (%2)</translation>
    </message>
    <message>
        <source>Officer: %1. Certificate valid until %2.

It is renewed on the same token: a new key pair and certificate are made beside the old ones, and the old key and certificate are deleted only once the new certificate is verified on the token. The officer types their PIN.</source>
        <translation>Officer: %1. Certificate valid until %2.

It is renewed on the same token: a new key pair and certificate are made beside the old ones, and the old key and certificate are deleted only once the new certificate is verified on the token. The officer types their PIN.</translation>
    </message>
    <message>
        <source>The desk keeps no SO PIN for token %1: its SO PIN was typed when it was set up, or it was set up elsewhere. Type the SO PIN from the token's papers.</source>
        <translation>The desk keeps no SO PIN for token %1: its SO PIN was typed when it was set up, or it was set up elsewhere. Type the SO PIN from the token's papers.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>Backup:</source>
        <translation>Backup:</translation>
    </message>
    <message>
        <source>The folder to put the backup in</source>
        <translation>The folder to put the backup in</translation>
    </message>
    <message>
        <source>Backing up into %1…</source>
        <translation>Backing up into %1…</translation>
    </message>
    <message>
        <source>Back up the d&amp;atabase…</source>
        <translation>Back up the d&amp;atabase…</translation>
    </message>
    <message>
        <source>New operator</source>
        <translation>New operator</translation>
    </message>
    <message>
        <source>Clerk: enrollments, hand-overs, the registry</source>
        <translation>Clerk: enrollments, hand-overs, the registry</translation>
    </message>
    <message>
        <source>Supervisor: also erases, unblocks, approves and sets the desk up</source>
        <translation>Supervisor: also erases, unblocks, approves and sets the desk up</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation>Ro&amp;le:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Password a&amp;gain:</translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation>The two passwords differ: type them again.</translation>
    </message>
    <message>
        <source>&amp;New operator…</source>
        <translation>&amp;New operator…</translation>
    </message>
    <message>
        <source>Operators:</source>
        <translation>Operators:</translation>
    </message>
    <message>
        <source>%1 may now sign in at this desk.</source>
        <translation>%1 may now sign in at this desk.</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>clerk</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Handover receipt — print preview</source>
        <translation>Handover receipt — print preview</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>in stock</source>
        <translation>in stock</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>prepared</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>lost</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
    <message>
        <source>wiped</source>
        <translation>wiped</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>retired</translation>
    </message>
    <message>
        <source>Campaign progress</source>
        <translation>Campaign progress</translation>
    </message>
    <message>
        <source>Every organization, as of %1</source>
        <translation>Every organization, as of %1</translation>
    </message>
    <message>
        <source>Progress per organization</source>
        <translation>Progress per organization</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Certificate on token</source>
        <translation>Certificate on token</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Officers per organization</source>
        <translation>Officers per organization</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>All organizations</translation>
    </message>
    <message>
        <source>Certificates per day</source>
        <translation>Certificates per day</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>On token and checked</source>
        <translation>On token and checked</translation>
    </message>
    <message>
        <source>Daily summary, %1</source>
        <translation>Daily summary, %1</translation>
    </message>
    <message>
        <source>Made %1</source>
        <translation>Made %1</translation>
    </message>
    <message>
        <source>Work per operator</source>
        <translation>Work per operator</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Stopped with an error</source>
        <translation>Stopped with an error</translation>
    </message>
    <message>
        <source>Token stock</source>
        <translation>Token stock</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Receipts signed</source>
        <translation>Receipts signed</translation>
    </message>
    <message>
        <source>Issued without a signed receipt</source>
        <translation>Issued without a signed receipt</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Spoiled</source>
        <translation>Spoiled</translation>
    </message>
    <message>
        <source>In stock at the end</source>
        <translation>In stock at the end</translation>
    </message>
    <message>
        <source>Prepared at the end</source>
        <translation>Prepared at the end</translation>
    </message>
    <message>
        <source>Enrollments that stopped</source>
        <translation>Enrollments that stopped</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>Enrollment</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Token stock and revocations</source>
        <translation>Token stock and revocations</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>As of %1</translation>
    </message>
    <message>
        <source>Tokens by state</source>
        <translation>Tokens by state</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Revocation requests by reason</source>
        <translation>Revocation requests by reason</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Sealed bundle for the CA: %1</source>
        <translation>Sealed bundle for the CA: %1</translation>
    </message>
    <message>
        <source>Batch #%1, %2 request(s), sealed by %3. Manifest SHA-256: %4</source>
        <translation>Batch #%1, %2 request(s), sealed by %3. Manifest SHA-256: %4</translation>
    </message>
    <message>
        <source>. Signed (bundle.json.p7s) by the desk certificate SHA-256 %1</source>
        <translation>. Signed (bundle.json.p7s) by the desk certificate SHA-256 %1</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Request SHA-256</source>
        <translation>Request SHA-256</translation>
    </message>
    <message>
        <source>Given by (RA), signature</source>
        <translation>Given by (RA), signature</translation>
    </message>
    <message>
        <source>Received by (CA), signature</source>
        <translation>Received by (CA), signature</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Certificates to renew</source>
        <translation>Certificates to renew</translation>
    </message>
    <message>
        <source>Expiring within %1 days, as of %2</source>
        <translation>Expiring within %1 days, as of %2</translation>
    </message>
    <message>
        <source>Per organization</source>
        <translation>Per organization</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Renewal under way</source>
        <translation>Renewal under way</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renewal</translation>
    </message>
</context>
<context>
    <name>tamga::core::DeskWorker</name>
    <message numerus="yes">
        <source>The CA answers; it sent %n CA certificate(s).</source>
        <translation>
            <numerusform>The CA answers; it sent %n CA certificate.</numerusform><numerusform>The CA answers; it sent %n CA certificates.</numerusform></translation>
    </message>
    <message>
        <source>Application #%1 is confirmed: %2</source>
        <translation>Application #%1 is confirmed: %2</translation>
    </message>
    <message>
        <source>Application #%1 was sent to %2. Confirm it once the CA has published the revocation.</source>
        <translation>Application #%1 was sent to %2. Confirm it once the CA has published the revocation.</translation>
    </message>
    <message>
        <source>The PIN of token %1 is set anew: the officer's new PIN opens it.</source>
        <translation>The PIN of token %1 is set anew: the officer's new PIN opens it.</translation>
    </message>
    <message numerus="yes">
        <source>Backed up into %1: %n audit event(s) verified, head %2.</source>
        <translation>
            <numerusform>Backed up into %1: %n audit event verified, head %2.</numerusform><numerusform>Backed up into %1: %n audit events verified, head %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Restored from %1: %n audit event(s) verified, head %2.</source>
        <translation>
            <numerusform>Restored from %1: %n audit event verified, head %2.</numerusform><numerusform>Restored from %1: %n audit events verified, head %2.</numerusform></translation>
    </message>
    <message>
        <source>a shared registry's address starts with postgresql://</source>
        <translation>a shared registry's address starts with postgresql://</translation>
    </message>
    <message>
        <source>the database holds tables that are not a Tamga registry's</source>
        <translation>the database holds tables that are not a Tamga registry's</translation>
    </message>
</context>
<context>
    <name>tamga::ui::CaPage</name>
    <message>
        <source>The certification authority</source>
        <translation>The certification authority</translation>
    </message>
    <message>
        <source>How the desk reaches the CA that issues the certificates. More connectors can be added later with tamga-cli ca add.</source>
        <translation>How the desk reaches the CA that issues the certificates. More connectors can be added later with tamga-cli ca add.</translation>
    </message>
    <message>
        <source>CMP server (RFC 4210)</source>
        <translation>CMP server (RFC 4210)</translation>
    </message>
    <message>
        <source>CFSSL server</source>
        <translation>CFSSL server</translation>
    </message>
    <message>
        <source>Files exchanged with an offline CA</source>
        <translation>Files exchanged with an offline CA</translation>
    </message>
    <message>
        <source>a file holding the shared secret</source>
        <translation>a file holding the shared secret</translation>
    </message>
    <message>
        <source>a file holding the shared authentication key (hex)</source>
        <translation>a file holding the shared authentication key (hex)</translation>
    </message>
    <message>
        <source>Add and &amp;test</source>
        <translation>Add and &amp;test</translation>
    </message>
    <message>
        <source>Connector na&amp;me:</source>
        <translation>Connector na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>CMP sender &amp;reference:</source>
        <translation>CMP sender &amp;reference:</translation>
    </message>
    <message>
        <source>CMP shared &amp;secret file:</source>
        <translation>CMP shared &amp;secret file:</translation>
    </message>
    <message>
        <source>CFSSL &amp;profile:</source>
        <translation>CFSSL &amp;profile:</translation>
    </message>
    <message>
        <source>CFSSL auth&amp;entication key file:</source>
        <translation>CFSSL auth&amp;entication key file:</translation>
    </message>
    <message>
        <source>Exchange &amp;folder:</source>
        <translation>Exchange &amp;folder:</translation>
    </message>
    <message>
        <source>%1 added. %2</source>
        <translation>%1 added. %2</translation>
    </message>
    <message>
        <source>%1 added, but the test failed: %2. Check the address and the CA's settings; the connector can be corrected with tamga-cli.</source>
        <translation>%1 added, but the test failed: %2. Check the address and the CA's settings; the connector can be corrected with tamga-cli.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Not added: %1</translation>
    </message>
    <message>
        <source>%1 added; asking the CA…</source>
        <translation>%1 added; asking the CA…</translation>
    </message>
</context>
<context>
    <name>tamga::ui::DatabasePage</name>
    <message>
        <source>A new desk</source>
        <translation>A new desk</translation>
    </message>
    <message>
        <source>Tamga keeps this desk's registry, enrollments and audit log in a database. A few questions set the desk up; each answer can be changed later in the Settings tab or with tamga-cli.</source>
        <translation>Tamga keeps this desk's registry, enrollments and audit log in a database. A few questions set the desk up; each answer can be changed later in the Settings tab or with tamga-cli.</translation>
    </message>
    <message>
        <source>This &amp;PC: %1</source>
        <translation>This &amp;PC: %1</translation>
    </message>
    <message>
        <source>&amp;Restore this desk from a backup…</source>
        <translation>&amp;Restore this desk from a backup…</translation>
    </message>
    <message>
        <source>A database is already at this path: a backup is restored only where there is none (tamga-cli --db NEW restore --from FOLDER).</source>
        <translation>A database is already at this path: a backup is restored only where there is none (tamga-cli --db NEW restore --from FOLDER).</translation>
    </message>
    <message>
        <source>The backup's folder</source>
        <translation>The backup's folder</translation>
    </message>
    <message>
        <source>Checking the backup and restoring it…</source>
        <translation>Checking the backup and restoring it…</translation>
    </message>
    <message>
        <source>Restored, but the database does not open: %1</source>
        <translation>Restored, but the database does not open: %1</translation>
    </message>
    <message>
        <source>Next goes on to the sign-in.</source>
        <translation>Next goes on to the sign-in.</translation>
    </message>
    <message>
        <source>Not restored, nothing was written: %1</source>
        <translation>Not restored, nothing was written: %1</translation>
    </message>
    <message>
        <source>The &amp;office's shared registry (PostgreSQL):</source>
        <translation>The &amp;office's shared registry (PostgreSQL):</translation>
    </message>
    <message>
        <source>The registry is reached over TLS that verifies the server. Its password is never typed here: it is read from the PostgreSQL password file (~/.pgpass, or passfile= in the address).</source>
        <translation>The registry is reached over TLS that verifies the server. Its password is never typed here: it is read from the PostgreSQL password file (~/.pgpass, or passfile= in the address).</translation>
    </message>
    <message>
        <source>Connecting to the registry…</source>
        <translation>Connecting to the registry…</translation>
    </message>
    <message>
        <source>The registry cannot be used: %1</source>
        <translation>The registry cannot be used: %1</translation>
    </message>
    <message>
        <source>A registry in use: this desk joins it.</source>
        <translation>A registry in use: this desk joins it.</translation>
    </message>
    <message>
        <source>An empty registry: this desk sets it up.</source>
        <translation>An empty registry: this desk sets it up.</translation>
    </message>
</context>
<context>
    <name>tamga::ui::EnrollmentWizard</name>
    <message>
        <source>New enrollment — TRAINING</source>
        <translation>New enrollment — TRAINING</translation>
    </message>
    <message>
        <source>New enrollment</source>
        <translation>New enrollment</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>TRAINING</translation>
    </message>
    <message>
        <source>Enrollment #%1 continued — %2 — TRAINING</source>
        <translation>Enrollment #%1 continued — %2 — TRAINING</translation>
    </message>
    <message>
        <source>Enrollment #%1 continued — %2</source>
        <translation>Enrollment #%1 continued — %2</translation>
    </message>
    <message>
        <source>Close enrollment #%1? It stays at "%2"; nothing is lost and it can be continued from the Desk tab.</source>
        <translation>Close enrollment #%1? It stays at "%2"; nothing is lost and it can be continued from the Desk tab.</translation>
    </message>
    <message>
        <source>Close this enrollment? Nothing has been written yet.</source>
        <translation>Close this enrollment? Nothing has been written yet.</translation>
    </message>
</context>
<context>
    <name>tamga::ui::FirstRunWizard</name>
    <message>
        <source>Tamga — setting up this desk</source>
        <translation>Tamga — setting up this desk</translation>
    </message>
</context>
<context>
    <name>tamga::ui::MainWindow</name>
    <message>
        <source>Tamga — registration desk — TRAINING</source>
        <translation>Tamga — registration desk — TRAINING</translation>
    </message>
    <message>
        <source>Tamga — registration desk</source>
        <translation>Tamga — registration desk</translation>
    </message>
    <message>
        <source>TRAINING — practice CA and training tokens; nothing issued here is valid</source>
        <translation>TRAINING — practice CA and training tokens; nothing issued here is valid</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <source>&amp;Officers</source>
        <translation>&amp;Officers</translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation>&amp;Tokens</translation>
    </message>
    <message>
        <source>&amp;Enrollments</source>
        <translation>&amp;Enrollments</translation>
    </message>
    <message>
        <source>A&amp;udit</source>
        <translation>A&amp;udit</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>Operator: %1 (%2)</translation>
    </message>
    <message>
        <source>CA: %1</source>
        <translation>CA: %1</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>none configured</translation>
    </message>
    <message>
        <source>No token plugged in</source>
        <translation>No token plugged in</translation>
    </message>
    <message>
        <source>new token</source>
        <translation>new token</translation>
    </message>
    <message>
        <source>Token: %1</source>
        <translation>Token: %1</translation>
    </message>
    <message>
        <source>Interrupted enrollments</source>
        <translation>Interrupted enrollments</translation>
    </message>
    <message numerus="yes">
        <source>%n enrollment(s) were interrupted before the token was verified. Continue enrollment #%1 now?</source>
        <translation>
            <numerusform>%n enrollment were interrupted before the token was verified. Continue enrollment #%1 now?</numerusform><numerusform>%n enrollments were interrupted before the token was verified. Continue enrollment #%1 now?</numerusform></translation>
    </message>
    <message>
        <source>Enrollment #%1 handed over to %2.</source>
        <translation>Enrollment #%1 handed over to %2.</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>Re&amp;vocations</source>
        <translation>Re&amp;vocations</translation>
    </message>
</context>
<context>
    <name>tamga::ui::ModulePage</name>
    <message>
        <source>The tokens' PKCS#11 module</source>
        <translation>The tokens' PKCS#11 module</translation>
    </message>
    <message>
        <source>The library through which the desk reaches the e-tokens. These are the modules installed on this PC (p11-kit's list); OpenSC's serves most tokens.</source>
        <translation>The library through which the desk reaches the e-tokens. These are the modules installed on this PC (p11-kit's list); OpenSC's serves most tokens.</translation>
    </message>
    <message>
        <source>&amp;Modules:</source>
        <translation>&amp;Modules:</translation>
    </message>
    <message>
        <source>Looking for the installed modules…</source>
        <translation>Looking for the installed modules…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>No module is registered with p11-kit: install OpenSC (the opensc package), or the token vendor's module, and set it in Settings.</source>
        <translation>No module is registered with p11-kit: install OpenSC (the opensc package), or the token vendor's module, and set it in Settings.</translation>
    </message>
    <message numerus="yes">
        <source>%n module(s) installed.</source>
        <translation>
            <numerusform>%n module installed.</numerusform><numerusform>%n modules installed.</numerusform></translation>
    </message>
</context>
<context>
    <name>tamga::ui::ReadyPage</name>
    <message>
        <source>The desk is ready</source>
        <translation>The desk is ready</translation>
    </message>
    <message>
        <source>The desk is restored from its backup. %1 Sign in as one of its operators.</source>
        <translation>The desk is restored from its backup. %1 Sign in as one of its operators.</translation>
    </message>
    <message>
        <source>Sign in as %1 with the password you chose. The Settings tab adds the desk's clerks (New operator…) and shows the module, the CA connectors and the trust anchors.</source>
        <translation>Sign in as %1 with the password you chose. The Settings tab adds the desk's clerks (New operator…) and shows the module, the CA connectors and the trust anchors.</translation>
    </message>
    <message>
        <source>This desk works on the office's shared registry. Sign in as one of its operators. The registry's audit key stays on the desks, never on the server: copy registry.audit-key from the folder of the same name on the first desk into %1, or the audit log says its key is missing.</source>
        <translation>This desk works on the office's shared registry. Sign in as one of its operators. The registry's audit key stays on the desks, never on the server: copy registry.audit-key from the folder of the same name on the first desk into %1, or the audit log says its key is missing.</translation>
    </message>
</context>
<context>
    <name>tamga::ui::SignInDialog</name>
    <message>
        <source>Tamga — sign in (TRAINING)</source>
        <translation>Tamga — sign in (TRAINING)</translation>
    </message>
    <message>
        <source>Tamga — sign in</source>
        <translation>Tamga — sign in</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Tamga&lt;/h2&gt;&lt;p&gt;Registration desk for digital-signature e-tokens&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Tamga&lt;/h2&gt;&lt;p&gt;Registration desk for digital-signature e-tokens&lt;/p&gt;</translation>
    </message>
    <message>
        <source>TRAINING DESK — practice CA and training tokens only. Sign in as &lt;b&gt;trainer&lt;/b&gt;, password &lt;b&gt;trainer-desk&lt;/b&gt;.</source>
        <translation>TRAINING DESK — practice CA and training tokens only. Sign in as &lt;b&gt;trainer&lt;/b&gt;, password &lt;b&gt;trainer-desk&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Wrong operator name or password.</source>
        <translation>Wrong operator name or password.</translation>
    </message>
</context>
<context>
    <name>tamga::ui::SupervisorPage</name>
    <message>
        <source>The first supervisor</source>
        <translation>The first supervisor</translation>
    </message>
    <message>
        <source>The supervisor signs in first and adds the desk's clerks and other supervisors. Passwords are kept only as scrypt hashes.</source>
        <translation>The supervisor signs in first and adds the desk's clerks and other supervisors. Passwords are kept only as scrypt hashes.</translation>
    </message>
    <message>
        <source>&amp;Create the supervisor</source>
        <translation>&amp;Create the supervisor</translation>
    </message>
    <message>
        <source>Operator na&amp;me:</source>
        <translation>Operator na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Password &amp;again:</translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation>The two passwords differ: type them again.</translation>
    </message>
    <message>
        <source>The supervisor was not created: %1</source>
        <translation>The supervisor was not created: %1</translation>
    </message>
    <message>
        <source>The database cannot be made: %1</source>
        <translation>The database cannot be made: %1</translation>
    </message>
</context>
<context>
    <name>tamga::ui::TrustPage</name>
    <message>
        <source>Trust anchors</source>
        <translation>Trust anchors</translation>
    </message>
    <message>
        <source>The CA's root and issuing certificates (PEM files from the CA): every certificate the CA sends is checked against them before it goes onto a token.</source>
        <translation>The CA's root and issuing certificates (PEM files from the CA): every certificate the CA sends is checked against them before it goes onto a token.</translation>
    </message>
    <message>
        <source>&amp;Import CA certificates…</source>
        <translation>&amp;Import CA certificates…</translation>
    </message>
    <message>
        <source>CA certificates (PEM)</source>
        <translation>CA certificates (PEM)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new certificate(s) from %1.</source>
        <translation>
            <numerusform>%n new certificate from %1.</numerusform><numerusform>%n new certificates from %1.</numerusform></translation>
    </message>
    <message>
        <source>Not imported from %1: %2</source>
        <translation>Not imported from %1: %2</translation>
    </message>
</context>
</TS>