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
    // The desk's database is made at `databasePath` with the first supervisor, or restored there from a backup.
    // `worker` (for that same path, no module loaded) lists the modules, tests the CA and restores, off the GUI
    // thread.
    FirstRunWizard(const QString& databasePath, core::DeskWorker& worker, QWidget* parent = nullptr);
    ~FirstRunWizard() override;

    // A desk needs the setup while it has no database yet, or one without any operator (a setup abandoned).
    static bool needed(const QString& databasePath);

    // The supervisor the setup made (empty before that page, and when a backup was restored instead).
    QString supervisorName() const;
    // The database the desk uses from now on: the path it was given, or the shared registry chosen.
    QString databasePath() const;

    enum PageId { DatabasePageId, SupervisorPageId, ModulePageId, CaPageId, TrustPageId, ReadyPageId };

    struct State;

private:
    std::unique_ptr<State> m_state;
};

} // namespace tamga::ui
