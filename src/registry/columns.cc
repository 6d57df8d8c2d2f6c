#include "registry/columns.h"

#include <algorithm>
#include <unordered_map>

#include "registry/suggestions.h"
#include "registry/text_fold.h"

namespace canje::registry {
namespace {

struct ColumnSynonym {
  std::string_view name;  // as documented; matched after FoldForMatchingAnyScript
  Column column;
  std::string_view document_type = {};
};

// Canonical names first, in enum order; then, column by column, the synonyms: Spanish and English,
// then Russian, Ukrainian, Arabic, French and Portuguese. docs/formats.md mirrors this table (a
// test checks that it lists every name).
constexpr ColumnSynonym kColumnSynonyms[] = {
    {"record_id", Column::kRecordId},
    {"given_names", Column::kGivenNames},
    {"first_given_name", Column::kFirstGivenName},
    {"second_given_name", Column::kSecondGivenName},
    {"family_names", Column::kFamilyNames},
    {"first_family_name", Column::kFirstFamilyName},
    {"second_family_name", Column::kSecondFamilyName},
    {"full_name", Column::kFullName},
    {"aliases", Column::kAliases},
    {"sex", Column::kSex},
    {"date_of_birth", Column::kDateOfBirth},
    {"nationality", Column::kNationality},
    {"document", Column::kDocument},
    {"document_type", Column::kDocumentType},
    {"document_country", Column::kDocumentCountry},
    {"holder", Column::kHolder},
    {"facility", Column::kFacility},
    {"custody_since", Column::kCustodySince},
    {"legal_basis", Column::kLegalBasis},
    {"charges", Column::kCharges},
    {"charge_status", Column::kChargeStatus},
    {"evidence_disclosed", Column::kEvidenceDisclosed},
    {"categories", Column::kCategories},
    {"status", Column::kStatus},
    {"notes", Column::kNotes},
    {"place_of_birth", Column::kPlaceOfBirth},
    {"patronymic", Column::kPatronymic},
    {"ihl_status", Column::kIhlStatus},
    {"rank", Column::kRank},
    {"unit", Column::kUnit},
    {"service_number", Column::kServiceNumber},
    {"date_of_capture", Column::kDateOfCapture},
    {"place_of_capture", Column::kPlaceOfCapture},
    // record_id
    {"id", Column::kRecordId},
    {"registro", Column::kRecordId},
    {"id_registro", Column::kRecordId},
    {"número de registro", Column::kRecordId},
    {"nro", Column::kRecordId},
    {"n°", Column::kRecordId},
    {"record", Column::kRecordId},
    {"record_number", Column::kRecordId},
    {"row_id", Column::kRecordId},
    {"№", Column::kRecordId},
    {"№ п/п", Column::kRecordId},
    {"порядковый номер", Column::kRecordId},
    {"№ з/п", Column::kRecordId},
    {"порядковий номер", Column::kRecordId},
    {"م", Column::kRecordId},
    {"ت", Column::kRecordId},
    {"التسلسل", Column::kRecordId},
    {"الرقم التسلسلي", Column::kRecordId},
    {"numéro d'ordre", Column::kRecordId},
    {"identifiant", Column::kRecordId},
    {"référence", Column::kRecordId},
    {"número de ordem", Column::kRecordId},
    {"registo", Column::kRecordId},
    // given_names
    {"nombres", Column::kGivenNames},
    {"nombre", Column::kGivenNames},
    {"given_name", Column::kGivenNames},
    {"first_name", Column::kGivenNames},
    {"first_names", Column::kGivenNames},
    {"forename", Column::kGivenNames},
    {"forenames", Column::kGivenNames},
    {"primer_nombre", Column::kFirstGivenName},
    {"segundo_nombre", Column::kSecondGivenName},
    {"middle_name", Column::kSecondGivenName},
    {"имя", Column::kFirstGivenName},
    {"ім'я", Column::kFirstGivenName},
    {"الاسم الأول", Column::kFirstGivenName},
    {"الاسم الاول", Column::kFirstGivenName},
    {"prénom", Column::kGivenNames},
    {"prénoms", Column::kGivenNames},
    {"nome", Column::kGivenNames},
    {"nomes", Column::kGivenNames},
    {"prenome", Column::kGivenNames},
    {"nome próprio", Column::kGivenNames},
    {"nomes próprios", Column::kGivenNames},
    // family_names
    {"apellidos", Column::kFamilyNames},
    {"apellido", Column::kFamilyNames},
    {"family_name", Column::kFamilyNames},
    {"last_name", Column::kFamilyNames},
    {"last_names", Column::kFamilyNames},
    {"surname", Column::kFamilyNames},
    {"surnames", Column::kFamilyNames},
    {"primer_apellido", Column::kFirstFamilyName},
    {"apellido_paterno", Column::kFirstFamilyName},
    {"first_surname", Column::kFirstFamilyName},
    {"first_last_name", Column::kFirstFamilyName},
    {"paternal_surname", Column::kFirstFamilyName},
    {"segundo_apellido", Column::kSecondFamilyName},
    {"apellido_materno", Column::kSecondFamilyName},
    {"second_surname", Column::kSecondFamilyName},
    {"second_last_name", Column::kSecondFamilyName},
    {"maternal_surname", Column::kSecondFamilyName},
    {"фамилия", Column::kFamilyNames},
    {"прізвище", Column::kFamilyNames},
    {"اسم العائلة", Column::kFamilyNames},
    {"اللقب", Column::kFamilyNames},
    {"الكنية", Column::kFamilyNames},
    {"nom", Column::kFamilyNames},
    {"noms", Column::kFamilyNames},
    {"nom de famille", Column::kFamilyNames},
    {"apelido", Column::kFamilyNames},
    {"apelidos", Column::kFamilyNames},
    {"sobrenome", Column::kFamilyNames},
    {"sobrenomes", Column::kFamilyNames},
    {"nome de família", Column::kFamilyNames},
    // full_name
    {"name", Column::kFullName},
    {"nombre_completo", Column::kFullName},
    {"nombre y apellido", Column::kFullName},
    {"nombre y apellidos", Column::kFullName},
    {"nombres y apellidos", Column::kFullName},
    {"apellidos y nombres", Column::kFullName},
    {"apellidos, nombres", Column::kFullName},
    {"complete_name", Column::kFullName},
    {"фио", Column::kFullName},
    {"ф.и.о.", Column::kFullName},
    {"фамилия, имя, отчество", Column::kFullName},
    {"полное имя", Column::kFullName},
    {"піб", Column::kFullName},
    {"п.і.б.", Column::kFullName},
    {"прізвище, ім'я, по батькові", Column::kFullName},
    {"повне ім'я", Column::kFullName},
    {"الاسم", Column::kFullName},
    {"الإسم", Column::kFullName},
    {"الاسم الكامل", Column::kFullName},
    {"الاسم الثلاثي", Column::kFullName},
    {"الاسم الرباعي", Column::kFullName},
    {"nom complet", Column::kFullName},
    {"nom et prénom", Column::kFullName},
    {"nom et prénoms", Column::kFullName},
    {"nom, prénom", Column::kFullName},
    {"prénom et nom", Column::kFullName},
    {"nome completo", Column::kFullName},
    // aliases
    {"alias", Column::kAliases},
    {"apodo", Column::kAliases},
    {"apodos", Column::kAliases},
    {"aka", Column::kAliases},
    {"also_known_as", Column::kAliases},
    {"псевдоним", Column::kAliases},
    {"прозвище", Column::kAliases},
    {"кличка", Column::kAliases},
    {"псевдонім", Column::kAliases},
    {"прізвисько", Column::kAliases},
    {"الاسم المستعار", Column::kAliases},
    {"surnom", Column::kAliases},
    {"pseudonyme", Column::kAliases},
    {"alcunha", Column::kAliases},
    {"vulgo", Column::kAliases},
    {"pseudónimo", Column::kAliases},
    // sex
    {"sexo", Column::kSex},
    {"gender", Column::kSex},
    {"género", Column::kSex},
    {"пол", Column::kSex},
    {"стать", Column::kSex},
    {"الجنس", Column::kSex},
    {"النوع", Column::kSex},
    {"sexe", Column::kSex},
    {"genre", Column::kSex},
    // date_of_birth
    {"fecha_nacimiento", Column::kDateOfBirth},
    {"fecha_de_nacimiento", Column::kDateOfBirth},
    {"nacimiento", Column::kDateOfBirth},
    {"dob", Column::kDateOfBirth},
    {"birth_date", Column::kDateOfBirth},
    {"birthdate", Column::kDateOfBirth},
    {"date_born", Column::kDateOfBirth},
    {"дата рождения", Column::kDateOfBirth},
    {"год рождения", Column::kDateOfBirth},
    {"дата народження", Column::kDateOfBirth},
    {"рік народження", Column::kDateOfBirth},
    {"تاريخ الميلاد", Column::kDateOfBirth},
    {"تاريخ الولادة", Column::kDateOfBirth},
    {"المواليد", Column::kDateOfBirth},
    {"سنة الميلاد", Column::kDateOfBirth},
    {"date de naissance", Column::kDateOfBirth},
    {"né le", Column::kDateOfBirth},
    {"née le", Column::kDateOfBirth},
    {"né(e) le", Column::kDateOfBirth},
    {"data de nascimento", Column::kDateOfBirth},
    {"data nascimento", Column::kDateOfBirth},
    {"nascimento", Column::kDateOfBirth},
    // nationality
    {"nacionalidad", Column::kNationality},
    {"nacionalidades", Column::kNationality},
    {"nationalities", Column::kNationality},
    {"citizenship", Column::kNationality},
    {"ciudadanía", Column::kNationality},
    {"гражданство", Column::kNationality},
    {"громадянство", Column::kNationality},
    {"الجنسية", Column::kNationality},
    {"nationalité", Column::kNationality},
    {"citoyenneté", Column::kNationality},
    {"nacionalidade", Column::kNationality},
    {"cidadania", Column::kNationality},
    // document
    {"documento", Column::kDocument},
    {"documento_identidad", Column::kDocument},
    {"documento_de_identidad", Column::kDocument},
    {"número_documento", Column::kDocument},
    {"número_de_documento", Column::kDocument},
    {"document_number", Column::kDocument},
    {"identity_document", Column::kDocument},
    {"id_number", Column::kDocument},
    {"cédula", Column::kDocument, "cedula"},
    {"cédula_de_identidad", Column::kDocument, "cedula"},
    {"número_de_cédula", Column::kDocument, "cedula"},
    {"ci", Column::kDocument, "cedula"},
    {"pasaporte", Column::kDocument, "passport"},
    {"número_de_pasaporte", Column::kDocument, "passport"},
    {"passport", Column::kDocument, "passport"},
    {"passport_number", Column::kDocument, "passport"},
    {"dni", Column::kDocument, "dni"},
    {"national_id", Column::kDocument, "national_id"},
    {"документ", Column::kDocument},
    {"номер документа", Column::kDocument},
    {"паспорт", Column::kDocument, "passport"},
    {"номер паспорта", Column::kDocument, "passport"},
    {"серия и номер паспорта", Column::kDocument, "passport"},
    {"удостоверение личности", Column::kDocument, "national_id"},
    {"посвідчення особи", Column::kDocument, "national_id"},
    {"رقم الوثيقة", Column::kDocument},
    {"الوثيقة", Column::kDocument},
    {"جواز السفر", Column::kDocument, "passport"},
    {"رقم جواز السفر", Column::kDocument, "passport"},
    {"رقم الهوية", Column::kDocument, "national_id"},
    {"الرقم الوطني", Column::kDocument, "national_id"},
    {"pièce d'identité", Column::kDocument},
    {"numéro de document", Column::kDocument},
    {"document d'identité", Column::kDocument},
    {"passeport", Column::kDocument, "passport"},
    {"numéro de passeport", Column::kDocument, "passport"},
    {"carte d'identité", Column::kDocument, "national_id"},
    {"cni", Column::kDocument, "national_id"},
    {"número do documento", Column::kDocument},
    {"documento de identificação", Column::kDocument},
    {"passaporte", Column::kDocument, "passport"},
    {"número do passaporte", Column::kDocument, "passport"},
    {"bilhete de identidade", Column::kDocument, "national_id"},
    {"bi", Column::kDocument, "national_id"},
    {"rg", Column::kDocument, "national_id"},
    {"cartão de cidadão", Column::kDocument, "national_id"},
    // document_type and document_country
    {"tipo_documento", Column::kDocumentType},
    {"tipo_de_documento", Column::kDocumentType},
    {"id_type", Column::kDocumentType},
    {"país_documento", Column::kDocumentCountry},
    {"país_emisor", Column::kDocumentCountry},
    {"issuing_country", Column::kDocumentCountry},
    {"тип документа", Column::kDocumentType},
    {"вид документа", Column::kDocumentType},
    {"نوع الوثيقة", Column::kDocumentType},
    {"type de document", Column::kDocumentType},
    {"type de pièce", Column::kDocumentType},
    {"tipo do documento", Column::kDocumentType},
    {"страна выдачи", Column::kDocumentCountry},
    {"країна видачі", Column::kDocumentCountry},
    {"بلد الإصدار", Column::kDocumentCountry},
    {"دولة الإصدار", Column::kDocumentCountry},
    {"pays de délivrance", Column::kDocumentCountry},
    {"pays émetteur", Column::kDocumentCountry},
    {"país emissor", Column::kDocumentCountry},
    {"país de emissão", Column::kDocumentCountry},
    // holder
    {"custodio", Column::kHolder},
    {"detenido_por", Column::kHolder},
    {"en_poder_de", Column::kHolder},
    {"held_by", Column::kHolder},
    {"custodian", Column::kHolder},
    {"detaining_party", Column::kHolder},
    {"удерживающая сторона", Column::kHolder},
    {"кем удерживается", Column::kHolder},
    {"сторона, що утримує", Column::kHolder},
    {"ким утримується", Column::kHolder},
    {"الجهة المحتجزة", Column::kHolder},
    {"الطرف المحتجز", Column::kHolder},
    {"détenu par", Column::kHolder},
    {"partie détentrice", Column::kHolder},
    {"detido por", Column::kHolder},
    {"parte detentora", Column::kHolder},
    {"sob custódia de", Column::kHolder},
    // facility
    {"centro_reclusión", Column::kFacility},
    {"centro_de_reclusión", Column::kFacility},
    {"cárcel", Column::kFacility},
    {"prisión", Column::kFacility},
    {"penal", Column::kFacility},
    {"centro_penitenciario", Column::kFacility},
    {"lugar_de_detención", Column::kFacility},
    {"prison", Column::kFacility},
    {"jail", Column::kFacility},
    {"detention_facility", Column::kFacility},
    {"detention_center", Column::kFacility},
    {"place_of_detention", Column::kFacility},
    {"место содержания", Column::kFacility},
    {"место заключения", Column::kFacility},
    {"учреждение", Column::kFacility},
    {"місце утримання", Column::kFacility},
    {"місце тримання", Column::kFacility},
    {"установа", Column::kFacility},
    {"مكان الاحتجاز", Column::kFacility},
    {"مركز الاحتجاز", Column::kFacility},
    {"السجن", Column::kFacility},
    {"lieu de détention", Column::kFacility},
    {"établissement", Column::kFacility},
    {"établissement pénitentiaire", Column::kFacility},
    {"centre de détention", Column::kFacility},
    {"local de detenção", Column::kFacility},
    {"estabelecimento prisional", Column::kFacility},
    {"unidade prisional", Column::kFacility},
    {"prisão", Column::kFacility},
    {"presídio", Column::kFacility},
    {"cadeia", Column::kFacility},
    // custody_since
    {"fecha_detención", Column::kCustodySince},
    {"fecha_de_detención", Column::kCustodySince},
    {"detenido_desde", Column::kCustodySince},
    {"fecha_de_arresto", Column::kCustodySince},
    {"detained_since", Column::kCustodySince},
    {"detention_date", Column::kCustodySince},
    {"date_of_detention", Column::kCustodySince},
    {"arrest_date", Column::kCustodySince},
    {"дата задержания", Column::kCustodySince},
    {"дата ареста", Column::kCustodySince},
    {"дата пленения", Column::kCustodySince},
    {"содержится с", Column::kCustodySince},
    {"дата затримання", Column::kCustodySince},
    {"дата арешту", Column::kCustodySince},
    {"дата полону", Column::kCustodySince},
    {"تاريخ الاعتقال", Column::kCustodySince},
    {"تاريخ الاحتجاز", Column::kCustodySince},
    {"تاريخ التوقيف", Column::kCustodySince},
    {"تاريخ القبض", Column::kCustodySince},
    {"date d'arrestation", Column::kCustodySince},
    {"date de détention", Column::kCustodySince},
    {"date d'interpellation", Column::kCustodySince},
    {"détenu depuis", Column::kCustodySince},
    {"data de detenção", Column::kCustodySince},
    {"data da detenção", Column::kCustodySince},
    {"data da prisão", Column::kCustodySince},
    {"detido desde", Column::kCustodySince},
    // legal_basis
    {"base_legal", Column::kLegalBasis},
    {"fundamento_legal", Column::kLegalBasis},
    {"legal_ground", Column::kLegalBasis},
    {"правовое основание", Column::kLegalBasis},
    {"основание содержания", Column::kLegalBasis},
    {"правова підстава", Column::kLegalBasis},
    {"підстава утримання", Column::kLegalBasis},
    {"السند القانوني", Column::kLegalBasis},
    {"الأساس القانوني", Column::kLegalBasis},
    {"base légale", Column::kLegalBasis},
    {"fondement juridique", Column::kLegalBasis},
    {"fundamento jurídico", Column::kLegalBasis},
    // charges
    {"cargos", Column::kCharges},
    {"cargo", Column::kCharges},
    {"delitos", Column::kCharges},
    {"acusaciones", Column::kCharges},
    {"charge", Column::kCharges},
    {"обвинение", Column::kCharges},
    {"обвинения", Column::kCharges},
    {"статья", Column::kCharges},
    {"обвинувачення", Column::kCharges},
    {"стаття", Column::kCharges},
    {"التهمة", Column::kCharges},
    {"التهم", Column::kCharges},
    {"chefs d'accusation", Column::kCharges},
    {"accusations", Column::kCharges},
    {"infractions", Column::kCharges},
    {"acusações", Column::kCharges},
    {"acusação", Column::kCharges},
    {"crimes", Column::kCharges},
    // charge_status
    {"estado_cargos", Column::kChargeStatus},
    {"estado_de_los_cargos", Column::kChargeStatus},
    {"situación_procesal", Column::kChargeStatus},
    {"situación_jurídica", Column::kChargeStatus},
    {"charges_status", Column::kChargeStatus},
    {"процессуальный статус", Column::kChargeStatus},
    {"процесуальний статус", Column::kChargeStatus},
    {"الوضع القضائي", Column::kChargeStatus},
    {"situation judiciaire", Column::kChargeStatus},
    {"situation pénale", Column::kChargeStatus},
    {"situação processual", Column::kChargeStatus},
    {"situação jurídica", Column::kChargeStatus},
    // evidence_disclosed
    {"evidencia", Column::kEvidenceDisclosed},
    {"pruebas", Column::kEvidenceDisclosed},
    {"evidencia_presentada", Column::kEvidenceDisclosed},
    {"pruebas_presentadas", Column::kEvidenceDisclosed},
    {"evidence", Column::kEvidenceDisclosed},
    {"доказательства", Column::kEvidenceDisclosed},
    {"докази", Column::kEvidenceDisclosed},
    {"الأدلة", Column::kEvidenceDisclosed},
    {"preuves", Column::kEvidenceDisclosed},
    {"éléments de preuve", Column::kEvidenceDisclosed},
    {"provas", Column::kEvidenceDisclosed},
    {"provas apresentadas", Column::kEvidenceDisclosed},
    // categories
    {"categoría", Column::kCategories},
    {"categorías", Column::kCategories},
    {"category", Column::kCategories},
    {"категория", Column::kCategories},
    {"категории", Column::kCategories},
    {"категорія", Column::kCategories},
    {"категорії", Column::kCategories},
    {"الفئة", Column::kCategories},
    {"الفئات", Column::kCategories},
    {"catégorie", Column::kCategories},
    // status
    {"estado", Column::kStatus},
    {"estatus", Column::kStatus},
    {"situación", Column::kStatus},
    {"статус", Column::kStatus},
    {"стан", Column::kStatus},
    {"الحالة", Column::kStatus},
    {"الوضع", Column::kStatus},
    {"statut", Column::kStatus},
    {"situation", Column::kStatus},
    {"situação", Column::kStatus},
    // notes
    {"notas", Column::kNotes},
    {"nota", Column::kNotes},
    {"observaciones", Column::kNotes},
    {"observación", Column::kNotes},
    {"comentarios", Column::kNotes},
    {"note", Column::kNotes},
    {"comments", Column::kNotes},
    {"remarks", Column::kNotes},
    {"примечание", Column::kNotes},
    {"примечания", Column::kNotes},
    {"комментарий", Column::kNotes},
    {"примітка", Column::kNotes},
    {"примітки", Column::kNotes},
    {"коментар", Column::kNotes},
    {"ملاحظات", Column::kNotes},
    {"ملاحظة", Column::kNotes},
    {"remarques", Column::kNotes},
    {"observations", Column::kNotes},
    {"commentaires", Column::kNotes},
    {"observações", Column::kNotes},
    {"observação", Column::kNotes},
    // place_of_birth
    {"lugar_de_nacimiento", Column::kPlaceOfBirth},
    {"lugar_nacimiento", Column::kPlaceOfBirth},
    {"nacido_en", Column::kPlaceOfBirth},
    {"birthplace", Column::kPlaceOfBirth},
    {"birth_place", Column::kPlaceOfBirth},
    {"born_in", Column::kPlaceOfBirth},
    {"место рождения", Column::kPlaceOfBirth},
    {"місце народження", Column::kPlaceOfBirth},
    {"مكان الميلاد", Column::kPlaceOfBirth},
    {"مكان الولادة", Column::kPlaceOfBirth},
    {"محل الولادة", Column::kPlaceOfBirth},
    {"lieu de naissance", Column::kPlaceOfBirth},
    {"né à", Column::kPlaceOfBirth},
    {"née à", Column::kPlaceOfBirth},
    {"local de nascimento", Column::kPlaceOfBirth},
    {"naturalidade", Column::kPlaceOfBirth},
    // patronymic
    {"patronímico", Column::kPatronymic},
    {"patronym", Column::kPatronymic},
    {"fathers_name", Column::kPatronymic},
    {"father's name", Column::kPatronymic},
    {"отчество", Column::kPatronymic},
    {"по батькові", Column::kPatronymic},
    {"імя па бацьку", Column::kPatronymic},
    {"اسم الأب", Column::kPatronymic},
    {"اسم الاب", Column::kPatronymic},
    {"patronyme", Column::kPatronymic},
    {"nom du père", Column::kPatronymic},
    {"nome patronímico", Column::kPatronymic},
    {"nome do pai", Column::kPatronymic},
    // ihl_status
    {"estatus_dih", Column::kIhlStatus},
    {"estatuto_dih", Column::kIhlStatus},
    {"condición_dih", Column::kIhlStatus},
    {"status_under_ihl", Column::kIhlStatus},
    {"pow_status", Column::kIhlStatus},
    {"статус по мгп", Column::kIhlStatus},
    {"статус военнопленного", Column::kIhlStatus},
    {"статус за мгп", Column::kIhlStatus},
    {"статус військовополоненого", Column::kIhlStatus},
    {"الوضع بموجب القانون الدولي الإنساني", Column::kIhlStatus},
    {"صفة المحتجز", Column::kIhlStatus},
    {"statut dih", Column::kIhlStatus},
    {"statut au regard du dih", Column::kIhlStatus},
    {"estatuto de dih", Column::kIhlStatus},
    {"condição dih", Column::kIhlStatus},
    // rank
    {"grado", Column::kRank},
    {"rango", Column::kRank},
    {"grado_militar", Column::kRank},
    {"military_rank", Column::kRank},
    {"звание", Column::kRank},
    {"воинское звание", Column::kRank},
    {"звання", Column::kRank},
    {"військове звання", Column::kRank},
    {"الرتبة", Column::kRank},
    {"الرتبة العسكرية", Column::kRank},
    {"grade", Column::kRank},
    {"grade militaire", Column::kRank},
    {"posto", Column::kRank},
    {"patente", Column::kRank},
    // unit
    {"unidad", Column::kUnit},
    {"unidad_militar", Column::kUnit},
    {"military_unit", Column::kUnit},
    {"воинская часть", Column::kUnit},
    {"подразделение", Column::kUnit},
    {"військова частина", Column::kUnit},
    {"підрозділ", Column::kUnit},
    {"الوحدة", Column::kUnit},
    {"الوحدة العسكرية", Column::kUnit},
    {"unité", Column::kUnit},
    {"unité militaire", Column::kUnit},
    {"unidade militar", Column::kUnit},
    // service_number
    {"número_de_servicio", Column::kServiceNumber},
    {"matrícula_militar", Column::kServiceNumber},
    {"service_no", Column::kServiceNumber},
    {"military_id", Column::kServiceNumber},
    {"личный номер", Column::kServiceNumber},
    {"номер жетона", Column::kServiceNumber},
    {"особистий номер", Column::kServiceNumber},
    {"номер жетону", Column::kServiceNumber},
    {"الرقم العسكري", Column::kServiceNumber},
    {"matricule", Column::kServiceNumber},
    {"numéro matricule", Column::kServiceNumber},
    {"número de serviço", Column::kServiceNumber},
    {"número militar", Column::kServiceNumber},
    // date_of_capture
    {"fecha_de_captura", Column::kDateOfCapture},
    {"fecha_captura", Column::kDateOfCapture},
    {"capture_date", Column::kDateOfCapture},
    {"captured_on", Column::kDateOfCapture},
    {"дата взятия в плен", Column::kDateOfCapture},
    {"дата захвата", Column::kDateOfCapture},
    {"дата взяття в полон", Column::kDateOfCapture},
    {"дата захоплення", Column::kDateOfCapture},
    {"تاريخ الأسر", Column::kDateOfCapture},
    {"date de capture", Column::kDateOfCapture},
    {"capturé le", Column::kDateOfCapture},
    {"data de captura", Column::kDateOfCapture},
    {"capturado em", Column::kDateOfCapture},
    // place_of_capture
    {"lugar_de_captura", Column::kPlaceOfCapture},
    {"lugar_captura", Column::kPlaceOfCapture},
    {"capture_place", Column::kPlaceOfCapture},
    {"captured_at", Column::kPlaceOfCapture},
    {"место пленения", Column::kPlaceOfCapture},
    {"место захвата", Column::kPlaceOfCapture},
    {"місце полону", Column::kPlaceOfCapture},
    {"місце захоплення", Column::kPlaceOfCapture},
    {"مكان الأسر", Column::kPlaceOfCapture},
    {"lieu de capture", Column::kPlaceOfCapture},
    {"capturé à", Column::kPlaceOfCapture},
    {"local de captura", Column::kPlaceOfCapture},
};

// Every column, in enum order.
constexpr std::array<Column, kColumnCount> kAllColumns = [] {
  std::array<Column, kColumnCount> all{};
  for (int i = 0; i < kColumnCount; ++i) all[i] = static_cast<Column>(i);
  return all;
}();

constexpr bool CanonicalNamesInEnumOrder() {
  for (int i = 0; i < kColumnCount; ++i) {
    if (kColumnSynonyms[i].column != static_cast<Column>(i)) return false;
  }
  return true;
}
static_assert(CanonicalNamesInEnumOrder(), "the canonical names come first, in enum order");

struct FoldedTable {
  std::unordered_map<std::string, ColumnMatch> by_folded_name;
  SuggestionIndex suggestions;  // entry i is kColumnSynonyms[i]
};

const FoldedTable& FoldedColumnTable() {
  static const FoldedTable* table = [] {
    auto* t = new FoldedTable;
    for (const ColumnSynonym& synonym : kColumnSynonyms) {
      std::string folded = FoldForMatchingAnyScript(synonym.name);
      t->by_folded_name.emplace(folded, ColumnMatch{synonym.column, synonym.document_type});
      t->suggestions.Add(std::move(folded));
    }
    return t;
  }();
  return *table;
}

// The sentence that ends every message about header names.
constexpr std::string_view kWhereNamesAreListed =
    "Every name canje reads is listed in docs/formats.md (\"Column names\"), in Spanish, "
    "English, Russian, Ukrainian, Arabic, French and Portuguese";

bool IsGivenPart(Column c) { return c == Column::kFirstGivenName || c == Column::kSecondGivenName; }
bool IsFamilyPart(Column c) {
  return c == Column::kFirstFamilyName || c == Column::kSecondFamilyName;
}

}  // namespace

std::string_view CanonicalColumnName(Column column) {
  return kColumnSynonyms[static_cast<int>(column)].name;
}

std::span<const Column> AllColumns() { return kAllColumns; }

std::vector<std::string_view> ColumnSynonyms(Column column) {
  std::vector<std::string_view> names;
  for (const ColumnSynonym& synonym : kColumnSynonyms) {
    if (synonym.column == column) names.push_back(synonym.name);
  }
  return names;
}

bool IsNameColumn(Column column) {
  switch (column) {
    case Column::kGivenNames:
    case Column::kFirstGivenName:
    case Column::kSecondGivenName:
    case Column::kFamilyNames:
    case Column::kFirstFamilyName:
    case Column::kSecondFamilyName:
    case Column::kFullName:
      return true;
    default:
      return false;
  }
}

std::optional<ColumnMatch> MatchColumnName(std::string_view header_name) {
  const FoldedTable& table = FoldedColumnTable();
  auto it = table.by_folded_name.find(FoldForMatchingAnyScript(header_name));
  if (it == table.by_folded_name.end()) return std::nullopt;
  return it->second;
}

std::string UnknownColumnReason(std::string_view header_name) {
  const std::string folded = FoldForMatchingAnyScript(header_name);
  if (folded.empty()) {
    return "a column without a name; name it or delete the column. " +
           std::string(kWhereNamesAreListed);
  }
  std::string reason = "unknown column '" + std::string(TrimSpace(header_name)) + "'";
  // The nearest names as documented (with their accents), one per column.
  std::vector<Column> suggested;
  std::string suggestions;
  for (size_t index : FoldedColumnTable().suggestions.Nearest(folded, 3)) {
    const ColumnSynonym& synonym = kColumnSynonyms[index];
    if (std::find(suggested.begin(), suggested.end(), synonym.column) != suggested.end()) continue;
    suggested.push_back(synonym.column);
    if (!suggestions.empty()) suggestions += " or ";
    suggestions += "'" + std::string(synonym.name) + "' (" +
                   std::string(CanonicalColumnName(synonym.column)) + ")";
  }
  reason += suggestions.empty() ? "." : "; did you mean " + suggestions + "?";
  return reason + " " + std::string(kWhereNamesAreListed);
}

std::vector<std::pair<size_t, std::string>> CheckColumnSet(std::span<const ColumnMatch> matches,
                                                           std::span<const std::string> names) {
  std::vector<std::pair<size_t, std::string>> problems;
  bool has_given_names = false, has_given_part = false;
  bool has_family_names = false, has_family_part = false;
  for (size_t i = 0; i < matches.size(); ++i) {
    const ColumnMatch& match = matches[i];
    has_given_names |= match.column == Column::kGivenNames;
    has_given_part |= IsGivenPart(match.column);
    has_family_names |= match.column == Column::kFamilyNames;
    has_family_part |= IsFamilyPart(match.column);
    for (size_t j = 0; j < i; ++j) {
      if (matches[j] == match) {
        problems.emplace_back(i, "'" + names[i] + "' means the same column as '" + names[j] +
                                     "' (" + std::string(CanonicalColumnName(match.column)) +
                                     "); keep only one of them");
        break;
      }
    }
  }
  if (has_given_names && has_given_part) {
    problems.emplace_back(0, "give the given names either in one column (given_names) or in "
                             "first_given_name and second_given_name, not both");
  }
  if (has_family_names && has_family_part) {
    problems.emplace_back(0, "give the family names either in one column (family_names) or in "
                             "first_family_name and second_family_name, not both");
  }
  return problems;
}

Result<HeaderMap> HeaderMap::FromHeader(const std::vector<std::string>& names, int64_t line) {
  HeaderMap map;
  map.first_index_.fill(-1);
  std::vector<std::string> trimmed;
  std::vector<ColumnMatch> matches;
  std::string problems;
  auto add_problem = [&](size_t index, const std::string& reason) {
    if (!problems.empty()) problems += "\n";
    problems += "line " + std::to_string(line) + ", column " + std::to_string(index + 1) + ": " +
                reason;
  };
  bool has_name = false;
  for (size_t i = 0; i < names.size(); ++i) {
    trimmed.emplace_back(TrimSpace(names[i]));
    std::optional<ColumnMatch> match = MatchColumnName(names[i]);
    if (!match) {
      add_problem(i, UnknownColumnReason(names[i]));
      continue;
    }
    has_name |= IsNameColumn(match->column);
    matches.push_back(*match);
    map.entries_.push_back({*match, trimmed.back()});
  }
  if (!problems.empty()) return Status::Invalid(problems);
  for (const auto& [index, reason] : CheckColumnSet(matches, trimmed)) add_problem(index, reason);
  if (!has_name) {
    if (!problems.empty()) problems += "\n";
    problems += "line " + std::to_string(line) +
                ": no name column; add given_names and family_names (nombres, apellidos), or "
                "full_name (nombre_completo). " +
                std::string(kWhereNamesAreListed);
  }
  if (!problems.empty()) return Status::Invalid(problems);
  for (size_t i = 0; i < map.entries_.size(); ++i) {
    int& first = map.first_index_[static_cast<int>(map.entries_[i].match.column)];
    if (first < 0) first = static_cast<int>(i);
  }
  return map;
}

std::optional<size_t> HeaderMap::IndexOf(Column column) const {
  const int index = first_index_[static_cast<int>(column)];
  if (index < 0) return std::nullopt;
  return static_cast<size_t>(index);
}

}  // namespace canje::registry
