#include "Views.h"
#include "tamga/core/Registry.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

class OfficersView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    OfficersView(MainWindow* window, const DeskContext& context) : QWidget(window), m_window(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        m_readError = newReadErrorLine(this);
        layout->addWidget(m_readError);
        auto* bar = new QHBoxLayout;
        m_search = new QLineEdit(this);
        m_search->setPlaceholderText(tr("Search by name, civil ID or organization (Cyrillic or Latin)…"));
        m_search->setClearButtonEnabled(true);
        auto* add = new QPushButton(tr("&Add officer…"), this);
        auto* edit = new QPushButton(tr("&Change the record…"), this);
        auto* import = new QPushButton(tr("&Import CSV…"), this);
        bar->addWidget(m_search, 1);
        bar->addWidget(add);
        bar->addWidget(edit);
        bar->addWidget(import);
        layout->addLayout(bar);
        auto* splitter = new QSplitter(this);
        m_organizations = new QTreeWidget(splitter);
        m_organizations->setHeaderLabel(tr("Organizations"));
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels(
            {tr("Surname"), tr("Given name"), tr("Civil ID"), tr("Position"), tr("Organization")});
        m_table = makeTable(m_model, splitter);
        splitter->setStretchFactor(1, 3);
        layout->addWidget(splitter);
        connect(m_search, &QLineEdit::textChanged, this, [this] { refresh(); });
        connect(m_organizations, &QTreeWidget::currentItemChanged, this, [this] { refresh(); });
        connect(add, &QPushButton::clicked, this, [this] { editOfficer(0); });
        connect(edit, &QPushButton::clicked, this, [this] {
            if (const qint64 id = selectedId(m_table))
                editOfficer(id);
        });
        connect(m_table, &QTableView::doubleClicked, this, [this] { editOfficer(selectedId(m_table)); });
        connect(import, &QPushButton::clicked, this, [this] {
            importFile(QFileDialog::getOpenFileName(this, tr("Officer list"), QString(), tr("CSV files (*.csv)")));
        });
        connect(window, &MainWindow::registryChanged, this, [this] { reload(); });
        reload();
    }

    void reload()
    {
        m_organizations->clear();
        auto all = new QTreeWidgetItem(m_organizations, {tr("All organizations")});
        all->setData(0, Qt::UserRole, 0);
        if (auto organizations = core::Registry(*m_context.database).organizations()) {
            QHash<qint64, QTreeWidgetItem*> items;
            for (const auto& o : *organizations) {
                auto* item = new QTreeWidgetItem({o.name});
                item->setData(0, Qt::UserRole, o.id);
                items.insert(o.id, item);
            }
            for (const auto& o : *organizations) {
                QTreeWidgetItem* parent = o.parentId && items.contains(*o.parentId) ? items.value(*o.parentId) : all;
                parent->addChild(items.value(o.id));
            }
        }
        m_organizations->expandAll();
        m_organizations->setCurrentItem(all);
        refresh();
    }

    void refresh()
    {
        const qint64 organization =
            m_organizations->currentItem() ? m_organizations->currentItem()->data(0, Qt::UserRole).toLongLong() : 0;
        auto officers =
            core::Registry(*m_context.database)
                .officers(organization ? std::optional<qint64>(organization) : std::nullopt, m_search->text(), 500);
        m_model->removeRows(0, m_model->rowCount());
        showReadError(m_readError, officers ? QString() : officers.error().message);
        if (!officers)
            return;
        for (const auto& o : *officers)
            m_model->appendRow({idItem(o.id, o.fields.surname), new QStandardItem(o.fields.givenName),
                                new QStandardItem(o.fields.civilId), new QStandardItem(o.fields.position),
                                new QStandardItem(o.organizationName)});
    }

    void editOfficer(qint64 id)
    {
        if (editOfficerInDialog(this, m_context, id))
            Q_EMIT m_window->registryChanged();
    }

    void importFile(const QString& path)
    {
        if (!path.isEmpty() && importOfficersFromFile(this, m_context, path))
            Q_EMIT m_window->registryChanged();
    }

    MainWindow* m_window;
    const DeskContext& m_context;
    QLineEdit* m_search = nullptr;
    QTreeWidget* m_organizations = nullptr;
    QStandardItemModel* m_model = nullptr;
    QLabel* m_readError = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace

QWidget* newOfficersView(MainWindow* window, const DeskContext& context)
{
    return new OfficersView(window, context);
}

} // namespace tamga::ui
