// Importing officers from a CSV file at the desk: what the file would do is shown first (every bad row with its
// line and reason), and nothing is written until the clerk agrees. Texts in the context "MainWindow".
#include "Views.h"
#include "tamga/core/OfficerImport.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QStringList>

namespace tamga::ui {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
};
} // namespace

bool importOfficersFromFile(QWidget* parent, const DeskContext& context, const QString& path)
{
    auto preview = core::importOfficers(*context.database, context.signedIn, path, true);
    if (!preview) {
        QMessageBox::warning(parent, Texts::tr("Import"), preview.error().message);
        return false;
    }
    if (!preview->problems.empty()) {
        QStringList lines;
        for (const auto& p : preview->problems)
            lines << Texts::tr("line %1, %2: %3")
                         .arg(p.line)
                         .arg(p.column.isEmpty() ? QStringLiteral("—") : p.column, p.reason);
        QMessageBox box(QMessageBox::Warning, Texts::tr("Import"),
                        Texts::tr("%n problem(s) in the file: nothing was imported.", nullptr,
                                  static_cast<int>(preview->problems.size())),
                        QMessageBox::Ok, parent);
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.setInformativeText(lines.mid(0, 12).join(QLatin1Char('\n')));
        box.exec();
        return false;
    }
    if (preview->changedNothing()) {
        QMessageBox::information(
            parent, Texts::tr("Import"),
            Texts::tr("Nothing to change: all %n row(s) are in the registry already.", nullptr, preview->rows));
        return false;
    }
    const auto answer = QMessageBox::question(
        parent, Texts::tr("Import"),
        Texts::tr("%1 rows: %2 new officers, %3 updated, %4 unchanged, %5 new organizations. Import them?")
            .arg(preview->rows)
            .arg(preview->added)
            .arg(preview->updated)
            .arg(preview->unchanged)
            .arg(preview->organizationsAdded));
    if (answer != QMessageBox::Yes)
        return false;
    auto done = core::importOfficers(*context.database, context.signedIn, path);
    if (!done || !done->problems.empty()) {
        QMessageBox::warning(parent, Texts::tr("Import"),
                             done ? Texts::tr("The file changed in the meantime; nothing was imported.")
                                  : done.error().message);
        return false;
    }
    return true;
}

} // namespace tamga::ui
