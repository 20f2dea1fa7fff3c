#include "ReportRenderer.h"

#include "tamga/core/Files.h"

#include <QBuffer>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>

namespace tamga::ui {

namespace {

const QColor kSeriesColours[] = {QColor(0x1f, 0x4e, 0x79), QColor(0x2e, 0x8b, 0x57), QColor(0xd4, 0x8a, 0x1c),
                                 QColor(0x8e, 0x44, 0xad)};

// Grouped bars with a scale, drawn at print resolution.
QImage drawChart(const core::ReportChart& chart)
{
    constexpr int width = 2000;
    constexpr int height = 900;
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setPixelSize(34);
    painter.setFont(font);
    const QRect plot(110, 40, width - 150, height - 260);
    int maximum = 1;
    for (const auto& group : chart.groups)
        for (int value : group.values)
            maximum = std::max(maximum, value);
    maximum = (maximum + 3) / 4 * 4; // four whole steps on the scale
    painter.setPen(QColor(0x99, 0x99, 0x99));
    for (int step = 0; step <= 4; ++step) {
        const int y = plot.bottom() - plot.height() * step / 4;
        painter.drawLine(plot.left(), y, plot.right(), y);
        painter.drawText(QRect(0, y - 15, plot.left() - 10, 30), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(maximum * step / 4));
    }
    const int groups = std::max<int>(1, static_cast<int>(chart.groups.size()));
    const int series = std::max<int>(1, static_cast<int>(chart.series.size()));
    const double groupWidth = static_cast<double>(plot.width()) / groups;
    const double barWidth = groupWidth * 0.8 / series;
    for (int g = 0; g < static_cast<int>(chart.groups.size()); ++g) {
        const auto& group = chart.groups[static_cast<std::size_t>(g)];
        for (int s = 0; s < static_cast<int>(group.values.size()); ++s) {
            const int value = group.values[static_cast<std::size_t>(s)];
            const double barHeight = static_cast<double>(plot.height()) * value / maximum;
            const QRectF bar(plot.left() + g * groupWidth + groupWidth * 0.1 + s * barWidth, plot.bottom() - barHeight,
                             barWidth * 0.92, barHeight);
            painter.fillRect(bar, kSeriesColours[s % 4]);
        }
        painter.setPen(Qt::black);
        painter.save();
        painter.translate(plot.left() + g * groupWidth + groupWidth / 2, plot.bottom() + 12);
        painter.rotate(groups > 6 ? 30 : 0);
        const QString label = group.label.size() > 28 ? group.label.left(27) + QStringLiteral("…") : group.label;
        painter.drawText(QRect(groups > 6 ? 0 : -static_cast<int>(groupWidth / 2), 0,
                               groups > 6 ? 400 : static_cast<int>(groupWidth), 40),
                         groups > 6 ? Qt::AlignLeft : Qt::AlignHCenter, label);
        painter.restore();
    }
    // The legend.
    int x = plot.left();
    for (int s = 0; s < static_cast<int>(chart.series.size()); ++s) {
        painter.fillRect(QRect(x, height - 50, 30, 30), kSeriesColours[s % 4]);
        painter.setPen(Qt::black);
        painter.drawText(QRect(x + 40, height - 52, 500, 34), Qt::AlignLeft | Qt::AlignVCenter, chart.series[s]);
        x += 60 + painter.fontMetrics().horizontalAdvance(chart.series[s]);
    }
    return image;
}

} // namespace

void layOutReport(QTextDocument& document, const core::Report& report)
{
    QString html = QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans'; font-size: 9pt\">");
    html += QStringLiteral("<h2>%1</h2><p>%2</p>").arg(report.title.toHtmlEscaped(), report.subtitle.toHtmlEscaped());
    for (const core::ReportTable& table : report.tables) {
        html += QStringLiteral("<h3>%1</h3>").arg(table.title.toHtmlEscaped());
        if (table.rows.empty()) {
            html += QStringLiteral("<p>—</p>");
            continue;
        }
        html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>");
        for (const QString& cell : table.header)
            html += QStringLiteral("<th align=\"left\" bgcolor=\"#e8eef4\">%1</th>").arg(cell.toHtmlEscaped());
        html += QStringLiteral("</tr>");
        for (const QStringList& row : table.rows) {
            html += QStringLiteral("<tr>");
            for (const QString& cell : row)
                html += QStringLiteral("<td>%1</td>")
                            .arg(cell.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
            html += QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
    }
    for (std::size_t i = 0; i < report.charts.size(); ++i) {
        const QUrl name(QStringLiteral("chart%1.png").arg(i));
        QImage chart = drawChart(report.charts[i]);
        // Drawn at print resolution, laid out at the page's width: the device pixel ratio tells the document so.
        chart.setDevicePixelRatio(chart.width() / 620.0);
        document.addResource(QTextDocument::ImageResource, name, chart);
        html += QStringLiteral("<h3>%1</h3><p><img src=\"%2\"></p>")
                    .arg(report.charts[i].title.toHtmlEscaped(), name.toString());
    }
    html += QStringLiteral("</body></html>");
    document.setHtml(html);
}

QString writeReportPdf(const core::Report& report, const QString& path)
{
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        writer.setTitle(report.title);
        writer.setCreator(QStringLiteral("Tamga"));
        QTextDocument document;
        layOutReport(document, report);
        document.print(&writer);
    }
    if (pdf.data().isEmpty())
        return QStringLiteral("the report could not be laid out");
    if (auto written = core::writePrivateFile(path, pdf.data()); !written)
        return written.error().message;
    return {};
}

} // namespace tamga::ui
