// Draws Tamga's icon, a square red seal (a tamga) with a key cut into it, at build time: the PNG sizes the
// freedesktop icon theme expects and the scalable SVG, from one set of shapes, so the two never drift apart.
//
//   tamga-draw-icon SIZE OUT.png     # a SIZE x SIZE PNG (OUT.ico: an icon for Windows, by Qt's ICO plugin)
//   tamga-draw-icon svg OUT.svg      # the same shapes as SVG (256 x 256 user units)
#include <QColor>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QString>
#include <QTextStream>

#include <cstdio>
#include <vector>

namespace {

// All shapes on a 256 x 256 canvas.
struct Shape {
    enum class Kind { FilledRoundRect, OutlinedRoundRect, OutlinedCircle, FilledRect };
    Kind kind;
    double x, y, width, height; // a circle: centre (x, y), radius width
    double radius;              // corner radius of a rounded rectangle
    double stroke;              // line width of an outline
    const char* colour;
};

constexpr const char* Seal = "#a3201b";
constexpr const char* Paper = "#fbeee0";

const std::vector<Shape>& shapes()
{
    static const std::vector<Shape> all{
        {Shape::Kind::FilledRoundRect, 16, 16, 224, 224, 28, 0, Seal},
        {Shape::Kind::OutlinedRoundRect, 34, 34, 188, 188, 16, 10, Paper},
        {Shape::Kind::OutlinedCircle, 128, 94, 38, 0, 0, 18, Paper}, // the key's bow
        {Shape::Kind::FilledRect, 119, 128, 18, 74, 0, 0, Paper},    // its shank
        {Shape::Kind::FilledRect, 137, 164, 28, 14, 0, 0, Paper},    // and bit
        {Shape::Kind::FilledRect, 137, 186, 18, 14, 0, 0, Paper},
    };
    return all;
}

bool writeImage(int size, const QString& path)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 256.0, size / 256.0);
    for (const Shape& shape : shapes()) {
        const QColor colour(QString::fromLatin1(shape.colour));
        switch (shape.kind) {
        case Shape::Kind::FilledRoundRect:
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawRoundedRect(QRectF(shape.x, shape.y, shape.width, shape.height), shape.radius, shape.radius);
            break;
        case Shape::Kind::OutlinedRoundRect:
            painter.setPen(QPen(colour, shape.stroke));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(QRectF(shape.x, shape.y, shape.width, shape.height), shape.radius, shape.radius);
            break;
        case Shape::Kind::OutlinedCircle:
            painter.setPen(QPen(colour, shape.stroke));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(QPointF(shape.x, shape.y), shape.width, shape.width);
            break;
        case Shape::Kind::FilledRect:
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawRect(QRectF(shape.x, shape.y, shape.width, shape.height));
            break;
        }
    }
    painter.end();
    return image.save(path); // the format from the name's suffix
}

bool writeSvg(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QTextStream out(&file);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n";
    for (const Shape& shape : shapes()) {
        switch (shape.kind) {
        case Shape::Kind::FilledRoundRect:
        case Shape::Kind::OutlinedRoundRect: {
            const bool filled = shape.kind == Shape::Kind::FilledRoundRect;
            out << "  <rect x=\"" << shape.x << "\" y=\"" << shape.y << "\" width=\"" << shape.width << "\" height=\""
                << shape.height << "\" rx=\"" << shape.radius << "\" ";
            if (filled)
                out << "fill=\"" << shape.colour << "\"/>\n";
            else
                out << "fill=\"none\" stroke=\"" << shape.colour << "\" stroke-width=\"" << shape.stroke << "\"/>\n";
            break;
        }
        case Shape::Kind::OutlinedCircle:
            out << "  <circle cx=\"" << shape.x << "\" cy=\"" << shape.y << "\" r=\"" << shape.width
                << "\" fill=\"none\" stroke=\"" << shape.colour << "\" stroke-width=\"" << shape.stroke << "\"/>\n";
            break;
        case Shape::Kind::FilledRect:
            out << "  <rect x=\"" << shape.x << "\" y=\"" << shape.y << "\" width=\"" << shape.width << "\" height=\""
                << shape.height << "\" fill=\"" << shape.colour << "\"/>\n";
            break;
        }
    }
    out << "</svg>\n";
    out.flush();
    return file.error() == QFile::NoError;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: tamga-draw-icon SIZE|svg OUT\n");
        return 1;
    }
    const QString what = QString::fromLocal8Bit(argv[1]);
    const QString out = QString::fromLocal8Bit(argv[2]);
    bool sizeOk = false;
    const int size = what.toInt(&sizeOk);
    const bool written = what == QStringLiteral("svg") ? writeSvg(out) : sizeOk && size > 0 && writeImage(size, out);
    if (!written) {
        std::fprintf(stderr, "tamga-draw-icon: cannot write %s\n", argv[2]);
        return 2;
    }
    return 0;
}
