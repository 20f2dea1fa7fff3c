#include "Commands.h"

#include "tamga/core/Revocations.h"
#include "tamga/core/TokenStock.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace tamga::cli {

namespace {

// A subcommand that takes the global options (--db, --module, --json, the sign-in) after its own words too, as
// tamga-cli always has: "tamga-cli org list --json" and "tamga-cli --json org list" are the same call.
CLI::App* command(CLI::App& parent, const std::string& name, const std::string& description)
{
    CLI::App* sub = parent.add_subcommand(name, description);
    sub->fallthrough();
    return sub;
}

// A group of commands ("token", "org", ...): one of its commands must follow.
CLI::App* group(CLI::App& parent, const std::string& name, const std::string& description)
{
    CLI::App* sub = command(parent, name, description);
    sub->require_subcommand(1);
    return sub;
}

CLI::Option* text(CLI::App* app, const std::string& name, const std::string& description)
{
    return app->add_option(name, description)->type_name("TEXT");
}

CLI::Option* file(CLI::App* app, const std::string& name, const std::string& description)
{
    return app->add_option(name, description)->type_name("FILE");
}

const char* const kPinFile = "the whole file is the PIN (one trailing newline is ignored); without it the PIN is "
                             "asked for on the terminal, without echo";

void addTokenCommands(CLI::App& app)
{
    command(app, "tokens", "list the tokens plugged in, in every module");
    command(app, "modules", "list the PKCS#11 modules p11-kit registers, and the package that installed each");

    CLI::App* token = group(app, "token", "prepare a token: initialize, PINs, keys, objects");
    CLI::App* init = command(*token, "init", "initialize a token (one set up before is erased: supervisors only)");
    CLI::Option* serial = text(init, "--serial", "the token to initialize again");
    init->add_flag("--uninitialized")->description("the new token that was never initialized")->excludes(serial);
    text(init, "--label", "the token's new label")->required();
    file(init, "--so-pin-file", "the new SO PIN; " + std::string(kPinFile));
    file(init, "--pin-file", "the new user PIN");

    CLI::App* changePin = command(*token, "change-pin", "change the user PIN (the officer types both)");
    text(changePin, "--serial", "the token")->required();
    file(changePin, "--pin-file", "the current PIN; " + std::string(kPinFile));
    file(changePin, "--new-pin-file", "the new PIN");

    CLI::App* unblock = command(*token, "unblock",
                                "set a new user PIN with the SO PIN (supervisors only): the one the desk sealed for "
                                "the token, or --so-pin-file");
    text(unblock, "--serial", "the token")->required();
    file(unblock, "--so-pin-file", "the SO PIN from the token's papers; " + std::string(kPinFile));
    file(unblock, "--new-pin-file", "the new user PIN (the officer's)");
    unblock->add_flag("--forgotten")->description("the officer forgot the PIN (recorded; default: it is locked)");

    CLI::App* keygen = command(*token, "keygen", "make a key pair on the token (supervisors only)");
    text(keygen, "--serial", "the token")->required();
    file(keygen, "--pin-file", std::string(kPinFile));
    text(keygen, "--type", "the key")
        ->required()
        ->check(CLI::IsMember({"rsa2048", "rsa3072", "rsa4096", "ec-p256", "ec-p384"}));
    text(keygen, "--label", "the key pair's label")->required();

    CLI::App* objects = command(*token, "objects", "list what the token holds (all of it with a PIN)");
    text(objects, "--serial", "the token")->required();
    file(objects, "--pin-file", "the user PIN, to list private objects too");

    CLI::App* remove = command(*token, "delete", "delete a key pair and its certificate (supervisors only)");
    text(remove, "--serial", "the token")->required();
    file(remove, "--pin-file", std::string(kPinFile));
    text(remove, "--id", "the key's ID in hexadecimal, as keygen and objects print it")->required();
}

void addRegistryCommands(CLI::App& app)
{
    CLI::App* org = group(app, "org", "the organizations of the registry");
    CLI::App* orgAdd = command(*org, "add", "add an organization");
    text(orgAdd, "--name", "its name")->required();
    text(orgAdd, "--register-no", "its state register number");
    text(orgAdd, "--parent", "the ID of the organization it belongs to");
    command(*org, "list", "list the organizations");

    CLI::App* applicant = group(app, "applicant", "the officers who apply for certificates");
    CLI::App* add = command(*applicant, "add", "add an officer");
    text(add, "--org", "the organization's ID")->required();
    text(add, "--surname", "the family name (овог)")->required();
    text(add, "--given-name", "the given name (нэр)")->required();
    text(add, "--civil-id", "the civil ID (регистрийн дугаар), e.g. УБ90010112")->required();
    text(add, "--position", "the position held")->required();
    text(add, "--department", "the department");
    text(add, "--email", "the e-mail address (goes into the certificate)");
    text(add, "--phone", "the telephone number");
    CLI::App* import = command(*applicant, "import", "add or update officers from a CSV file, all or none");
    import->add_option("file", "the CSV file (UTF-8, with a header row)")->type_name("FILE.csv")->required();
    CLI::App* list = command(*applicant, "list", "list officers");
    text(list, "--org", "only this organization's (its ID)");
    text(list, "--search", "names, civil IDs or positions containing this text");
    CLI::App* show = command(*applicant, "show", "show one officer");
    show->add_option("id", "the officer's number")->type_name("ID")->required();

    CLI::App* operators = group(app, "operator", "the desk's operators");
    CLI::App* operatorAdd = command(*operators, "add",
                                    "add an operator; --password-file is the new operator's password, the signing-in "
                                    "supervisor's comes from --operator-password-file or TAMGA_PASSWORD_FILE");
    text(operatorAdd, "--name", "the operator's name")->required();
    text(operatorAdd, "--role", "clerk or supervisor")->required()->check(CLI::IsMember({"clerk", "supervisor"}));

    CLI::App* audit = group(app, "audit", "the tamper-evident audit log");
    text(command(*audit, "list", "the newest events"), "--limit", "how many (default 50)");
    text(command(*audit, "verify", "check the chain of every event and the desk's audit key"), "--witness",
         "a chain head printed on a receipt or kept elsewhere, which must still be in the chain");
    file(command(*audit, "export", "every event, oldest first, as CSV"), "--out", "the CSV file to write")->required();

    CLI::App* config = group(app, "config", "the desk's settings (pkcs11.modules: module paths, ':'-separated)");
    command(*config, "get", "print a setting")->add_option("key", "the setting")->type_name("KEY")->required();
    CLI::App* set = command(*config, "set", "change a setting");
    set->add_option("key", "the setting")->type_name("KEY")->required();
    set->add_option("value", "its new value")->type_name("VALUE")->required();
}

void addEnrollCommands(CLI::App& app)
{
    CLI::App* ca = group(app, "ca", "the certification authorities the desk submits to");
    CLI::App* caAdd = command(*ca, "add", "add a CA connector");
    caAdd->add_option("name", "the connector's name")->type_name("NAME")->required();
    text(caAdd, "--type", "practice, cmp, cfssl or files")
        ->required()
        ->check(CLI::IsMember({"practice", "cmp", "cfssl", "files"}));
    text(caAdd, "--url", "cmp, cfssl: the CA's address");
    text(caAdd, "--reference", "cmp: the sender reference of the shared secret");
    file(caAdd, "--secret-file", "cmp: the shared secret");
    file(caAdd, "--cert", "cmp: the desk's signing certificate (instead of a shared secret)");
    file(caAdd, "--key", "cmp: its key");
    file(caAdd, "--trust", "cmp: the CA certificates (PEM) to check the CA's answers with");
    file(caAdd, "--auth-key-file", "cfssl: the shared authentication key (hex)");
    text(caAdd, "--profile", "cfssl: the CA's signing profile");
    text(caAdd, "--dir", "files: the exchange folder");
    text(caAdd, "--ocsp-url", "any type: the CA's OCSP responder, asked to confirm revocations");
    text(caAdd, "--timeout", "cmp, cfssl: seconds to wait for the CA, 1 to 600 (default 20 and 30)");
    command(*ca, "list", "list the CA connectors");
    command(*ca, "test", "ask a CA for its certificates")
        ->add_option("name", "the connector")
        ->type_name("NAME")
        ->required();

    CLI::App* trust = group(app, "trust", "the trust anchors a CA's certificates are checked against");
    command(*trust, "add", "add CA certificates")
        ->add_option("file", "PEM certificates")
        ->type_name("FILE.pem")
        ->required();
    command(*trust, "list", "list the trust anchors");

    CLI::App* profile = group(app, "profile", "certificate profiles");
    command(*profile, "list", "list the profiles");
    command(*profile, "add", "add a profile")
        ->add_option("file", "the profile as JSON")
        ->type_name("FILE.json")
        ->required();
    CLI::App* preview = command(*profile, "preview", "the subject and extensions a profile makes for an officer");
    text(preview, "--profile", "the profile")->required();
    text(preview, "--applicant", "the officer's number")->required();

    CLI::App* enroll = command(app, "enroll", "the whole enrollment: key on the token, request, CA, certificate back");
    text(enroll, "--applicant", "the officer's number")->required();
    text(enroll, "--token", "the token's serial")->required();
    text(enroll, "--profile", "the certificate profile")->required();
    text(enroll, "--ca", "the CA connector")->required();
    file(enroll, "--pin-file", "the user PIN; " + std::string(kPinFile));
    enroll->add_flag("--init")->description("initialize the token first (erases it): needs --label and --so-pin-file");
    text(enroll, "--label", "with --init: the token's new label");
    file(enroll, "--so-pin-file", "with --init: the new SO PIN");

    CLI::App* enrollment = group(app, "enrollment", "enrollments under way and done");
    text(command(*enrollment, "list", "list enrollments"), "--state", "only those in this state");
    command(*enrollment, "show", "show one enrollment")->add_option("id", "its number")->type_name("ID")->required();
    CLI::App* resume = command(*enrollment, "resume", "carry an interrupted enrollment on");
    resume->add_option("id", "its number")->type_name("ID")->required();
    file(resume, "--pin-file", "the user PIN; " + std::string(kPinFile));
    CLI::App* handover = command(*enrollment, "handover",
                                 "record that the officer took the token; with a PIN, ending with the officer's first "
                                 "signature made on the token");
    handover->add_option("id", "its number")->type_name("ID")->required();
    file(handover, "--pin-file", "the officer's PIN: the token signs the officer's acceptance");
    file(handover, "--new-pin-file",
         "a token prepared in advance: the officer's own PIN, replacing the initial one (a supervisor signs in)")
        ->excludes("--pin-file");

    CLI::App* batch = group(app, "batch", "batch sessions, and the offline exchange with a CA");
    CLI::App* create =
        command(*batch, "create", "a batch: whole organizations and/or a list of officers; prints its id");
    text(create, "--name", "the batch's name")->required();
    text(create, "--org", "an organization's number; repeatable")->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    file(create, "--officers", "a CSV with a \"civil_id\" column")->type_name("FILE.csv");
    text(create, "--profile", "the certificate profile")->required();
    text(create, "--ca", "the CA connector")->required();
    create->add_flag("--prepared")->description("tokens prepared before the officers come (a supervisor runs it)");
    CLI::App* runBatch = command(
        *batch, "run", "work each blank token plugged in for the next officer; resume those whose token is back");
    runBatch->add_option("id", "the batch's number")->type_name("ID")->required();
    file(runBatch, "--pin-file", "in person: the officer's PIN; " + std::string(kPinFile));
    file(runBatch, "--so-pin-file",
         "a clerk's run: the RA's SO PIN for new tokens (a supervisor's run seals a random one)");
    runBatch->add_option("--parallel", "tokens worked side by side, one worker process each (default 1)")
        ->type_name("N");
    // A parallel run's worker process, started by the run itself: not for people.
    runBatch->add_flag("--worker")->group("");
    CLI::App* writeBack =
        command(*batch, "write-back",
                "write the certificates the CA answered with onto the batch's tokens plugged in, found by serial");
    writeBack->add_option("id", "the batch's number")->type_name("ID")->required();
    file(writeBack, "--pin-file", "in person: the officer's PIN; " + std::string(kPinFile));
    CLI::App* lost = command(*batch, "token-lost",
                             "an officer's token lost or broken before its request went to the CA: the enrollment is "
                             "cancelled, the token marked lost, and the officer waits for a new token");
    lost->add_option("id", "the batch's number")->type_name("ID")->required();
    text(lost, "--officer", "the officer's number")->type_name("ID")->required();
    text(lost, "--reason", "what happened to the token")->required();
    command(*batch, "list", "the batches and how far each is");
    command(*batch, "show", "a batch's officers, their enrollments and tokens")
        ->add_option("id", "the batch's number")
        ->type_name("ID")
        ->required();
    CLI::App* out = command(*batch, "export",
                            "write the waiting requests to a folder: a batch's as a sealed bundle with its cover sheet "
                            "(--batch), or every request waiting at a CA (--ca)");
    CLI::Option* outBatch = text(out, "--batch", "the batch's number")->type_name("ID");
    text(out, "--ca", "the CA connector")->excludes(outBatch);
    text(out, "--out", "the folder")->type_name("DIR")->required();
    text(out, "--sign-with", "a batch's bundle signed by the desk's own token: the enrollment of its certificate")
        ->type_name("ENROLLMENT")
        ->needs(outBatch);
    file(out, "--sign-pin-file", "the desk token's PIN; " + std::string(kPinFile));
    CLI::App* in = command(*batch, "import",
                           "read the CA's answer: a batch's (--batch; a folder with the sealed bundle, or one PKCS#7 "
                           "file), or any waiting request's at a CA (--ca)");
    CLI::Option* inBatch = text(in, "--batch", "the batch's number")->type_name("ID");
    text(in, "--ca", "the CA connector")->excludes(inBatch);
    text(in, "--in", "the folder, or one file (FILE.p7b)")->type_name("DIR|FILE")->required();

    CLI::App* report = group(app, "report", "reports for the head of the RA, as CSV or PDF");
    for (const auto& [name, description] :
         {std::pair{"progress", "progress per organization and certificates per day"},
          std::pair{"daily", "a day's work per operator, the stock's reconciliation, what stopped"},
          std::pair{"stock", "tokens by state, revocation requests by reason"},
          std::pair{"renewals", "certificates expiring within the renewal window, per organization"}}) {
        CLI::App* one = command(*report, name, description);
        text(one, "--format", "csv (default) or pdf")->check(CLI::IsMember({"csv", "pdf"}));
        file(one, "--out", "the file to write")->required();
        text(one, "--lang", "mn or en (default: the desk's language setting, else English)")
            ->check(CLI::IsMember({"mn", "en"}));
        if (std::string(name) == "daily")
            text(one, "--date", "the day, YYYY-MM-DD (default today)");
    }

    CLI::App* receipt = command(app, "receipt", "the handover receipt as PDF");
    receipt->add_option("id", "the enrollment's number")->type_name("ENROLLMENT_ID")->required();
    file(receipt, "--out", "the PDF file")->type_name("FILE.pdf")->required();
}

void addRevocationCommands(CLI::App& app)
{
    CLI::App* revoke = command(app, "revoke",
                               "take a revocation application for an enrollment's certificate; prints "
                               "its id (a second supervisor approves it)");
    text(revoke, "--enrollment", "the enrollment whose certificate is revoked")->type_name("ID")->required();
    text(revoke, "--reason",
         "keyCompromise, affiliationChanged, superseded, cessationOfOperation, privilegeWithdrawn, unspecified")
        ->required();
    file(revoke, "--statement-file", "the officer's statement (UTF-8 text)")->required();
    text(revoke, "--event-date", "when it happened, YYYY-MM-DD (default today)");
    std::vector<std::string> states;
    for (const auto state :
         {core::RevocationState::Received, core::RevocationState::Approved, core::RevocationState::Submitted,
          core::RevocationState::Confirmed, core::RevocationState::Refused, core::RevocationState::Withdrawn})
        states.push_back(core::revocationStateName(state).toStdString());
    CLI::App* revocation = group(app, "revocation", "revocation applications: two operators, then the CA");
    text(command(*revocation, "list", "the applications"), "--state", "only those in this state")
        ->check(CLI::IsMember(states));
    command(*revocation, "show", "one application")->add_option("id", "its number")->type_name("ID")->required();
    command(*revocation, "approve", "a second supervisor approves (never the operator who took it)")
        ->add_option("id", "its number")
        ->type_name("ID")
        ->required();
    for (const auto& [name, description] : {std::pair{"refuse", "a supervisor turns it down before it is submitted"},
                                            std::pair{"withdraw", "the officer withdraws it before it is submitted"}}) {
        CLI::App* closing = command(*revocation, name, description);
        closing->add_option("id", "its number")->type_name("ID")->required();
        text(closing, "--why", "kept with the application and in the audit log")->required();
    }
    CLI::App* lost = command(*revocation, "lost",
                             "the officer lost the token: the application (key compromise) taken, the token lost in "
                             "the stock, a batch of one for the replacement; prints the application's id");
    text(lost, "--enrollment", "the enrollment whose token is lost")->type_name("ID")->required();
    file(lost, "--statement-file", "the officer's statement (UTF-8 text)")->required();
    text(lost, "--event-date", "when it was lost, YYYY-MM-DD (default today)");
    CLI::App* confirm = command(*revocation, "confirm",
                                "the CA's word, signed by the certificate's issuer (--crl from the CA's operator, "
                                "else its OCSP responder, else its CRL fetched): revoked, the application confirmed");
    confirm->add_option("id", "its number")->type_name("ID")->required();
    file(confirm, "--crl", "the CA's CRL file (PEM or DER)");
    CLI::App* form = command(*revocation, "form", "the application form the officer signs, as PDF (A4, bilingual)");
    form->add_option("id", "its number")->type_name("ID")->required();
    file(form, "--out", "the PDF to write")->required();
    CLI::App* submit = command(*revocation, "submit",
                               "send an approved application to the certificate's CA (once; again after a failure)");
    submit->add_option("id", "its number")->type_name("ID")->required();
    file(submit, "--sign-pin-file",
         "an offline CA, with the desk's certificate set (batch.manifest_signer): the desk token's PIN; " +
             std::string(kPinFile));
}

void addRenewalCommands(CLI::App& app)
{
    CLI::App* renew = command(app, "renew",
                              "renew an issued certificate: a new key pair and certificate on the same token (or "
                              "--token), verified, then the old key and certificate deleted");
    text(renew, "--enrollment", "the enrollment whose certificate is renewed")->type_name("ID")->required();
    text(renew, "--token", "a new token instead of the same one");
    file(renew, "--pin-file", "the officer's PIN; " + std::string(kPinFile));
    renew->add_flag("--revoke-old")->description("apply for the old certificate's revocation as superseded");

    CLI::App* renewal = group(app, "renewal", "certificates to renew and renewals under way");
    text(command(*renewal, "due", "certificates expiring soon, per organization"), "--days",
         "within this many days (default: the setting renewal.window_days, or 30)");
    command(*renewal, "list", "renewals started and completed");
    CLI::App* complete = command(*renewal, "complete",
                                 "finish a renewal whose new certificate is verified (after an interruption, or an "
                                 "offline CA's answer)");
    complete->add_option("id", "its number")->type_name("ID")->required();
    file(complete, "--pin-file", "the officer's PIN; " + std::string(kPinFile));
}

void addBackupCommands(CLI::App& app)
{
    CLI::App* backup = command(app, "backup",
                               "a consistent copy of the database (the desk keeps working) with its audit key, "
                               "receipts and forms, its audit chain verified; supervisors only");
    text(backup, "--out", "a new (or empty) folder")->type_name("FOLDER")->required();
    CLI::App* restore = command(app, "restore",
                                "a backup checked (each file's SHA-256, the audit chain) and put in place as the "
                                "database of --db, which must not exist yet");
    text(restore, "--from", "the backup's folder")->type_name("FOLDER")->required();
}

void addStockCommands(CLI::App& app)
{
    std::vector<std::string> states;
    for (const auto state : core::allStockStates())
        states.push_back(core::stockStateName(state).toStdString());
    CLI::App* stock = group(app, "stock", "the token stock: deliveries, states, the end of the day");
    command(*stock, "import", "a supplier's delivery (CSV: serial[,manufacturer,model]); supervisors only")
        ->add_option("file", "the delivery list")
        ->type_name("FILE.csv")
        ->required();
    text(command(*stock, "list", "the tokens, by serial"), "--state", "only those in this state")
        ->check(CLI::IsMember(states));
    CLI::App* set =
        command(*stock, "set", "put a token in another state (a clerk: returned, lost, blocked; the rest supervisors)");
    set->add_option("serial", "the token")->type_name("SERIAL")->required();
    set->add_option("state", "its new state")->type_name("STATE")->required()->check(CLI::IsMember(states));
    text(set, "--reason", "why (kept in the token's history and the audit log)")->required();
    CLI::App* wipe =
        command(*stock, "wipe",
                "erase a returned token for re-issue with the SO PIN the desk sealed for it (a supervisor; "
                "refused while a certificate on it is valid)");
    wipe->add_option("serial", "the token, plugged in")->type_name("SERIAL")->required();
    text(wipe, "--reason", "why (kept in the token's history and the audit log)")->required();
    text(command(*stock, "day", "the day's reconciliation: received, issued, returned, spoiled, receipts"), "--date",
         "the day, YYYY-MM-DD (default today)");
}

// What CLI11 parsed, as the words and options the commands read.
void collect(const CLI::App& app, CommandLine& line)
{
    for (const CLI::Option* option : app.get_options()) {
        if (option->count() == 0 || option->get_lnames().empty()) {
            if (option->get_positional() && option->count() > 0) {
                for (const std::string& value : option->results())
                    line.addWord(value);
            }
            continue;
        }
        const std::string& name = option->get_lnames().front();
        if (option->get_expected_max() == 0) {
            line.setFlag(name);
            continue;
        }
        for (const std::string& value : option->results())
            line.addValue(name, value);
    }
    for (const CLI::App* sub : app.get_subcommands()) {
        line.addWord(sub->get_name());
        collect(*sub, line);
    }
}

} // namespace

std::variant<CommandLine, int> parseCommandLine(int argc, char** argv)
{
    CLI::App app("Tamga's registration desk on the command line.", "tamga-cli");
    app.set_version_flag("--version", std::string("tamga-cli ") + TAMGA_VERSION);
    // Errors read as every other error of tamga-cli: one "error:" line, then where the help is.
    app.failure_message([](const CLI::App*, const CLI::Error& error) {
        return "error: " + std::string(error.what()) +
               "\n(tamga-cli --help lists the commands; tamga-cli COMMAND --help "
               "describes one)\n";
    });
    app.require_subcommand(1);
    app.footer("Commands that change something sign in with --operator NAME --password-file F (or TAMGA_OPERATOR,\n"
               "TAMGA_PASSWORD_FILE). Exit status: 0 done, 1 usage error, 2 failed, 3 the audit log is not intact.\n"
               "tamga-cli COMMAND --help describes one command.\n");
    text(&app, "--db", "the desk's database (default: TAMGA_DB, else the application-data folder)")->type_name("PATH");
    app.add_option("--module", "a PKCS#11 module; repeatable (default: TAMGA_PKCS11_MODULE, the desk's setting, "
                               "else OpenSC's)")
        ->type_name("PATH")
        ->take_last()
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_flag("--json")->description("print JSON instead of a table");
    text(&app, "--operator", "who signs in for a change");
    file(&app, "--password-file", "that operator's password (operator add: the new operator's)");
    file(&app, "--operator-password-file", "operator add: the signing-in supervisor's password");
    addTokenCommands(app);
    addRegistryCommands(app);
    addEnrollCommands(app);
    addStockCommands(app);
    addRevocationCommands(app);
    addRenewalCommands(app);
    addBackupCommands(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help and --version print to stdout and succeed; anything else is a usage error, named on stderr.
        const int status = app.exit(error, std::cout, std::cerr);
        return status == 0 ? ExitOk : ExitUsage;
    }
    CommandLine line;
    collect(app, line);
    return line;
}

} // namespace tamga::cli
