// What a clerk types into the officer search box, any text at all, against a desk with officers in it.
// Invariants: the search answers (text never becomes a database or full-text-query error), answers at most the
// limit, and narrowing it to the one organization every officer belongs to changes nothing.
#include "FuzzSupport.h"

#include "tamga/core/Registry.h"
#include "tamga/core/Text.h"

using namespace tamga;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::FuzzDesk::instance();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    (void)core::looseLatinForSearch(text);

    core::Registry registry(fuzz::FuzzDesk::instance().db());
    constexpr int kLimit = 2;
    auto found = registry.officers(std::nullopt, text, kLimit);
    fuzz::require(found.has_value(), "a typed search is answered", found ? QString() : found.error().message);
    fuzz::require(found->size() <= static_cast<std::size_t>(kLimit), "a search answers at most its limit");

    auto everywhere = registry.officers(std::nullopt, text);
    auto inOrganization = registry.officers(1, text);
    fuzz::require(everywhere.has_value() && inOrganization.has_value(), "a typed search is answered");
    QList<qint64> everywhereIds;
    QList<qint64> inOrganizationIds;
    for (const auto& officer : *everywhere)
        everywhereIds << officer.id;
    for (const auto& officer : *inOrganization)
        inOrganizationIds << officer.id;
    fuzz::require(everywhereIds == inOrganizationIds, "the organization filter changes nothing when all are in it");

    core::OfficerFields fields{1, text, text, text, text, text, text, text};
    (void)core::Registry::searchTextOf(fields, text);
    return 0;
}
