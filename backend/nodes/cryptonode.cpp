#include "nodes/itempaths.h"
#include "nodes/noderegistry.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

namespace synapscale {

namespace {

std::optional<QCryptographicHash::Algorithm> algorithm(const std::string &name)
{
    if (name == "MD5")
        return QCryptographicHash::Md5;
    if (name == "SHA1")
        return QCryptographicHash::Sha1;
    if (name == "SHA256")
        return QCryptographicHash::Sha256;
    if (name == "SHA384")
        return QCryptographicHash::Sha384;
    if (name == "SHA512")
        return QCryptographicHash::Sha512;
    if (name == "SHA3-256")
        return QCryptographicHash::Sha3_256;
    if (name == "SHA3-512")
        return QCryptographicHash::Sha3_512;
    return std::nullopt;
}

NodeResult runCrypto(NodeContext &ctx)
{
    const Items &items = ctx.input(0);
    Items out;
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto get = [&](const char *name) { return ctx.param(name, i); };
        auto action = get("action");
        auto field = get("dataPropertyName");
        auto encoding = get("encoding");
        if (!action || !field || !encoding)
            return !action ? action.error() : !field ? field.error() : encoding.error();
        const std::string target = field->is_string() && !field->get<std::string>().empty() ? field->get<std::string>() : "data";
        const bool base64 = *encoding == "base64";
        Json result;
        if (*action == "generate") {
            auto kind = get("generateType");
            auto length = get("stringLength");
            if (!kind || !length)
                return !kind ? kind.error() : length.error();
            if (*kind == "uuid") {
                result = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
            } else {
                const int n = length->is_number() ? std::clamp(int(length->get<double>()), 1, 4096) : 32;
                QByteArray bytes(n, Qt::Uninitialized);
                for (auto &c : bytes)
                    c = char(QRandomGenerator::system()->bounded(256));
                if (*kind == "hex")
                    result = bytes.toHex().left(n).toStdString();
                else if (*kind == "base64")
                    result = bytes.toBase64().left(n).toStdString();
                else {
                    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
                    std::string s;
                    for (int k = 0; k < n; ++k)
                        s += alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))];
                    result = s;
                }
            }
        } else {
            auto type = get("type");
            auto value = get("value");
            if (!type || !value)
                return !type ? type.error() : value.error();
            const auto algo = algorithm(type->is_string() ? type->get<std::string>() : "");
            if (!algo)
                return nodeError("Unknown hash type " + type->dump());
            const QByteArray data = QByteArray::fromStdString(value->is_string() ? value->get<std::string>() : value->dump());
            QByteArray digest;
            if (*action == "hmac") {
                auto secret = get("secret");
                if (!secret)
                    return secret.error();
                digest = QMessageAuthenticationCode::hash(data, QByteArray::fromStdString(secret->is_string() ? secret->get<std::string>() : ""),
                                                          *algo);
            } else if (*action == "hash") {
                digest = QCryptographicHash::hash(data, *algo);
            } else {
                return nodeError("Unknown crypto action " + action->dump());
            }
            result = (base64 ? digest.toBase64() : digest.toHex()).toStdString();
        }
        Json j = itempaths::jsonOf(items[i]);
        itempaths::set(j, target, std::move(result));
        out.push_back(itempaths::item(std::move(j)));
    }
    return NodeOutput::single(std::move(out));
}

} // namespace

void addCryptoNode(NodeRegistry &registry)
{
    using namespace schema;
    NodeDescriptor d;
    d.type = "core.crypto";
    d.displayName = "Crypto";
    d.category = "Utility";
    d.description = "Hashes or signs (HMAC) a value, or generates a UUID or random string, into a field of each item";
    d.parameters = object({{"action", options("Action", {"hash", "hmac", "generate"}, "hash")},
                           {"type", options("Algorithm", {"MD5", "SHA1", "SHA256", "SHA384", "SHA512", "SHA3-256", "SHA3-512"}, "SHA256")},
                           {"value", string("Value", "")},
                           {"secret", string("Secret (HMAC)", "")},
                           {"encoding", options("Encoding", {"hex", "base64"}, "hex")},
                           {"generateType", options("Generate", {"uuid", "hex", "base64", "ascii"}, "uuid")},
                           {"stringLength", integer("Length", 32, 1, 4096)},
                           {"dataPropertyName", string("Output field", "data")}});
    registry.add(std::make_unique<FunctionNode>(std::move(d), runCrypto));
}

} // namespace synapscale
