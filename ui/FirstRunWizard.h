// The first start of a new installation: a short setup before the desk opens. Which database the desk uses, its
// first supervisor, the PKCS#11 module (chosen from p11-kit's list of those installed), the CA connector (added
// and tested), the trust anchors; then the sign-in. Each step is written through the core, audited under the new
// supervisor; the supervisor is made on "Next" of its page, after which the wizard cannot go back.
#pragma once

#include <QString>
#include <QWizard>

#include <memory>

namespace tamga::core {
class Database;
class DeskWorker;
} // namespace tamga::core

namespace tamga::ui {

class FirstRunWizard : public QWizard {
    Q_OBJECT
public:
    // `worker` lists the modules and tests the CA off the GUI thread; `dataDir` is the database's folder.
    FirstRunWizard(const core::Database& database, core::DeskWorker& worker, const QString& dataDir,
                   QWidget* parent = nullptr);
    ~FirstRunWizard() override;

    // A desk needs the setup while it has no operator at all (a new installation, or a setup abandoned).
    static bool needed(const core::Database& database);

    // The supervisor the setup made (empty before that page).
    QString supervisorName() const;

    struct State;

private:
    std::unique_ptr<State> m_state;
};

} // namespace tamga::ui
