#include "scenario/name_tables.h"

namespace canje::scenario {
namespace {

using V = std::string_view;

// Ordered by a plausible Venezuelan frequency; the order, not the list, carries the skew.
constexpr V kHispanicSurnames[] = {
    "González",   "Rodríguez",   "Pérez",      "Hernández",   "García",     "Martínez",
    "López",      "Díaz",        "Sánchez",    "Ramírez",     "Gómez",      "Fernández",
    "Torres",     "Rojas",       "Morales",    "Romero",      "Gutiérrez",  "Mendoza",
    "Castillo",   "Suárez",      "Silva",      "Rivas",       "Medina",     "Contreras",
    "Flores",     "Ramos",       "Álvarez",    "Chacón",      "Castro",     "Blanco",
    "Jiménez",    "Vargas",      "Marcano",    "Moreno",      "Herrera",    "Rivero",
    "Salazar",    "Aguilar",     "Ruiz",       "Acosta",      "Vásquez",    "Delgado",
    "Guerrero",   "Mora",        "Parra",      "Peña",        "Méndez",     "Ortiz",
    "Figueroa",   "Rincón",      "Linares",    "Briceño",     "Pacheco",    "Colmenares",
    "Zambrano",   "Urdaneta",    "Quintero",   "Montilla",    "Montero",    "Márquez",
    "Campos",     "Sosa",        "Núñez",      "Molina",      "Carrillo",   "Guzmán",
    "Cabrera",    "Bermúdez",    "Arias",      "Villegas",    "Escalona",   "Mejías",
    "Ochoa",      "Barrios",     "Becerra",    "Soto",        "Lugo",       "Bravo",
    "Cordero",    "Duarte",      "Navarro",    "Fuentes",     "Vera",       "León",
    "Salas",      "Muñoz",       "Cedeño",     "Palacios",    "Alvarado",   "Ávila",
    "Lara",       "Gil",         "Tovar",      "Velásquez",   "De Sousa",   "Padrón",
    "Sierra",     "Rondón",      "Villarroel", "Mata",        "Centeno",    "Piña",
    "Aponte",     "Gallardo",    "Carvajal",   "Montes",      "Guevara",    "Valera",
    "Aranguren",  "Bastidas",    "Chirinos",   "Uzcátegui",   "Paredes",    "Oropeza",
    "Yépez",      "Pineda",      "Graterol",   "Sequera",     "Hidalgo",    "Osorio",
    "Tapia",      "Zapata",      "Pinto",      "Meléndez",    "Nieves",     "de la Cruz",
    "Luna",       "Cárdenas",    "Correa",     "Franco",      "Marín",      "Osuna",
    "Quiñones",   "Rangel",      "Valero",     "Villalobos",  "Hurtado",    "Leal",
    "Lozada",     "Maldonado",   "Noguera",    "Pirela",      "Prieto",     "Sandoval",
    "Serrano",    "Solórzano",   "Toro",       "De Freitas",  "Valladares", "Zerpa",
    "Albornoz",   "Alcalá",      "Amaya",      "Angulo",      "Aray",       "Arteaga",
    "Azuaje",     "Barreto",     "Belisario",  "Betancourt",  "Borges",     "Bracho",
    "Caldera",    "Camacho",     "Cañizales",  "Caraballo",   "Carrasco",   "Carreño",
    "Casanova",   "Cegarra",     "Cisneros",   "Colina",      "Coronado",   "Cova",
    "Crespo",     "Cuevas",      "Dávila",     "Del Valle",   "De Abreu",   "De León",
    "Echeverría", "Escobar",     "Espinoza",   "Estrada",     "Fajardo",    "Farías",
    "Fermín",     "Galindo",     "Gallegos",   "Garrido",     "Gavidia",    "Godoy",
    "Guanipa",    "Guédez",      "Guillén",    "Heredia",     "Infante",    "Iriarte",
    "Jaimes",     "Jaramillo",   "Labrador",   "Lameda",      "Landaeta",   "Lemus",
    "Liendo",     "Lira",        "Lovera",     "Machado",     "Madrid",     "Manrique",
    "Mariño",     "Matos",       "Millán",     "Mireles",     "Monsalve",   "Montaño",
    "Mújica",     "Nava",        "Olivares",   "Oráa",        "Ortega",     "Palma",
    "Pantoja",    "Pereira",     "Perdomo",    "Petit",       "Pimentel",   "Pinzón",
    "Ponce",      "Portillo",    "Puerta",     "Quevedo",     "Rengifo",    "Reyes",
    "Rosales",    "Rueda",       "Saavedra",   "Sáez",        "Salcedo",    "Salgado",
    "Sanabria",   "Santana",     "Santiago",   "Sarmiento",   "Sifontes",   "Subero",
    "Tablante",   "Tejada",      "Terán",      "Tirado",      "Trejo",      "Trujillo",
    "Ugueto",     "Urbina",      "Useche",     "Valbuena",    "Valderrama", "Vallenilla",
    "Varela",     "Velasco",     "Villamizar", "Viloria",     "Yánez",      "Zamora",
    "Zavarce",    "Zurita",      "Arocha",     "Arráiz",      "Ascanio",    "Atencio",
    "Ayala",      "Balza",       "Barrera",    "Bello",       "Brito",      "Bustamante",
    "Calderón",   "Canelón",     "Carmona",    "Carrero",     "Coello",     "Da Silva",
    "Dos Santos", "De Gouveia",  "de la Rosa", "Finol",       "Goitía",     "Mogollón",
    "Molero",     "Ojeda",       "Olivo",      "Requena",     "Rivera",     "Roa",
    "Sojo",       "Tineo",       "Torrealba",  "Troconis",    "Uribe",      "Vielma",
    "Zabala",     "Abreu",       "Agüero",     "Alfonzo",     "Añez",       "Araujo",
    "Arévalo",    "Ballesteros", "Baptista",   "Bolaños",     "Buitrago",   "Cabello",
    "Cadenas",    "Calzadilla",  "Carrizo",    "Castellanos", "Chaparro",   "Cordido",
    "Cortez",     "Dorante",     "Escalante",  "Espinal",     "Fonseca",    "Freites",
    "Gamboa",     "Girón",       "Guaramato",  "Hinojosa",    "Inciarte",   "Lanz",
    "Lobo",       "Loreto",      "Luces",      "Manzano",     "Maita",      "Mendible",
    "Mirabal",    "Moncada",     "Montesinos", "Naveda",      "Ocanto",     "Olmos",
    "Orta",       "Pabón",       "Páez",       "Palencia",    "Patiño",     "Peraza",
    "Pulido",     "Quijada",     "Rebolledo",  "Riera",       "Sanoja",     "Seijas",
    "Tamayo",     "Tarazona",    "Tortolero",  "Ugarte",      "Unda",       "Vivas",
    "Zárraga"};

constexpr V kVenezuelanMaleGiven[] = {
    "José",      "Luis",    "Carlos",   "Juan",     "Jesús",    "Miguel",    "Jorge",
    "Pedro",     "Rafael",  "Víctor",   "Antonio",  "Manuel",   "Francisco", "Alejandro",
    "Daniel",    "Andrés",  "Ángel",    "Eduardo",  "Ramón",    "Javier",    "Fernando",
    "Ricardo",   "Óscar",   "Héctor",   "Julio",    "César",    "Gustavo",   "Freddy",
    "Franklin",  "Wilmer",  "Yorman",   "Yeferson", "Anderson", "Brayan",    "Kevin",
    "Jhon",      "Deivis",  "Kleiber",  "Franyer",  "Jonathan", "Richard",   "Wilfredo",
    "Nelson",    "Orlando", "Reinaldo", "Leonardo", "Gabriel",  "Samuel",    "Diego",
    "Alexander", "Argenis", "Yonaiker", "Eliécer",  "Edgar",    "Henry",     "Douglas",
    "Johan",     "Darwin",  "Robert",   "Ronald",   "Elvis",    "Omar",      "Rubén",
    "Efraín",    "Tomás",   "Ernesto",  "Simón",    "Arnaldo",  "Adrián",    "Gerardo",
    "Hugo",      "Iván",    "Joel",     "Keiner",   "Leandro",  "Maikel",    "Norberto",
    "Pablo",     "Raúl",    "Sergio",   "Wuilmer",  "Yoel",     "Yohandry",  "Enyerbeth"};

constexpr V kVenezuelanMaleSecondGiven[] = {
    "José",      "Luis",         "Alberto",  "Eduardo", "Antonio", "Ángel", "Alexander", "Enrique",
    "Rafael",    "Manuel",       "Gregorio", "Ramón",   "Daniel",  "David", "Javier",    "Andrés",
    "Alfonso",   "Jesús",        "Miguel",   "Felipe",  "Gabriel", "Elías", "Augusto",   "Orlando",
    "Alejandro", "Antonio José", "Vicente",  "Ignacio", "Arturo",  "Josué", "Adolfo",    "Eloy",
    "Emilio",    "Armando",      "Leonel",   "Segundo"};

constexpr V kVenezuelanFemaleGiven[] = {
    "María",    "Ana",      "Carmen",  "Rosa",     "Andreína",  "Luisa",     "Gabriela",  "Daniela",
    "Mariana",  "Yusleidy", "Génesis", "Carolina", "Alejandra", "Valentina", "Yuleisy",   "Karina",
    "Milagros", "Yelitza",  "Marisol", "Yolanda",  "Beatriz",   "Patricia",  "Josefina",  "Dayana",
    "Yorgelis", "Neida",    "Zuleima", "Lorena",   "Paola",     "Adriana",   "Natalia",   "Francys",
    "Mileidy",  "Rosalba",  "Xiomara", "Yajaira",  "Thais",     "Eglée",     "Nohelia",   "Keila",
    "Isabel",   "Teresa",   "Elena",   "Sofía",    "Victoria",  "Lucía",     "Elizabeth", "Yanet"};

constexpr V kVenezuelanFemaleSecondGiven[] = {
    "del Valle", "José",           "Alejandra", "Gabriela", "Fernanda",  "Isabel",
    "Carolina",  "de los Ángeles", "Elena",     "Teresa",   "Andreína",  "del Carmen",
    "Victoria",  "Antonieta",      "Eugenia",   "Mercedes", "Margarita", "Cristina",
    "Beatriz",   "Josefina",       "Esther",    "Virginia", "Luisa",     "Inés"};

constexpr V kSpanishMaleGiven[] = {"Antonio", "José",   "Manuel",   "Francisco", "David",
                                   "Javier",  "Daniel", "Carlos",   "Alejandro", "Sergio",
                                   "Pablo",   "Jorge",  "Álvaro",   "Alberto",   "Rubén",
                                   "Raúl",    "Íñigo",  "Fernando", "Diego",     "Adrián",
                                   "Marcos",  "Iván",   "Óscar",    "Andrés",    "Jaime"};

constexpr V kSpanishFemaleGiven[] = {"María",   "Carmen", "Lucía", "Laura", "Marta",  "Cristina",
                                     "Ana",     "Isabel", "Elena", "Paula", "Sara",   "Raquel",
                                     "Beatriz", "Nuria",  "Pilar", "Rocío", "Silvia", "Irene"};

constexpr V kSpanishMaleSecondGiven[] = {"José",  "Luis",   "Manuel", "Antonio", "Ignacio",
                                         "María", "Javier", "Carlos", "Miguel",  "Ángel"};
constexpr V kSpanishFemaleSecondGiven[] = {"José",    "Isabel", "Pilar",    "Teresa",  "Luisa",
                                           "Dolores", "Elena",  "Victoria", "Mercedes"};

constexpr V kAmericanMaleGiven[] = {
    "Michael", "David",  "James",  "Robert",  "John",  "Christopher", "Daniel",
    "Matthew", "Joseph", "Brian",  "William", "Kevin", "Jason",       "Eric",
    "Mark",    "Steven", "Andrew", "Thomas",  "Ryan",  "Timothy",     "Jeffrey",
    "Scott",   "Joshua", "Aaron",  "Kyle",    "Paul"};
constexpr V kAmericanFemaleGiven[] = {
    "Jennifer",  "Jessica", "Sarah", "Emily",  "Ashley", "Elizabeth", "Amanda",    "Melissa",
    "Stephanie", "Rebecca", "Laura", "Rachel", "Megan",  "Lauren",    "Katherine", "Nicole"};
constexpr V kAmericanMaleSecond[] = {"Alan", "Lee",   "Ray",   "Wayne",  "Edward",  "Allen",
                                     "Dean", "Scott", "James", "Joseph", "Michael", "Thomas"};
constexpr V kAmericanFemaleSecond[] = {"Anne", "Marie",  "Lynn",  "Elizabeth", "Rose",
                                       "Jean", "Nicole", "Grace", "Michelle"};
constexpr V kAmericanSurnames[] = {
    "Smith",    "Johnson", "Williams", "Brown",     "Jones",    "Miller",  "Davis",    "Wilson",
    "Anderson", "Taylor",  "Thomas",   "Moore",     "Martin",   "Jackson", "Thompson", "White",
    "Harris",   "Clark",   "Lewis",    "Robinson",  "Walker",   "Young",   "Allen",    "King",
    "Wright",   "Scott",   "Hill",     "Green",     "Adams",    "Baker",   "Nelson",   "Carter",
    "Mitchell", "Roberts", "Turner",   "Phillips",  "Campbell", "Parker",  "Evans",    "Edwards",
    "Collins",  "Stewart", "Morris",   "Murphy",    "Cook",     "Rogers",  "Reed",     "Bailey",
    "Cooper",   "Howard",  "Ward",     "Brooks",    "Kelly",    "Sanders", "Price",    "Bennett",
    "Wood",     "Barnes",  "Ross",     "Henderson", "Coleman",  "Jenkins", "Perry",    "Powell",
    "Sullivan", "Russell", "Fisher",   "Hayes"};

constexpr V kGermanMaleGiven[] = {
    "Thomas",    "Michael",  "Andreas", "Stefan", "Christian", "Markus",   "Tobias", "Jan",
    "Sebastian", "Matthias", "Florian", "Jürgen", "Klaus",     "Wolfgang", "Uwe",    "Jörg"};
constexpr V kGermanFemaleGiven[] = {"Katharina", "Julia",  "Anna", "Sabine", "Claudia", "Stefanie",
                                    "Petra",     "Monika", "Jana", "Lena",   "Ute"};
constexpr V kGermanMaleSecond[] = {"Peter",   "Johannes",   "Friedrich", "Karl",
                                   "Wilhelm", "Maximilian", "Alexander"};
constexpr V kGermanFemaleSecond[] = {"Maria", "Luise", "Sophie", "Charlotte", "Elisabeth"};
constexpr V kGermanSurnames[] = {
    "Müller",  "Schmidt",  "Schneider",  "Fischer", "Weber",   "Meyer",   "Wagner",   "Becker",
    "Schulz",  "Hoffmann", "Koch",       "Bauer",   "Richter", "Klein",   "Wolf",     "Schröder",
    "Neumann", "Schwarz",  "Zimmermann", "Braun",   "Krüger",  "Hofmann", "Hartmann", "Lange",
    "Schmitt", "Werner",   "Krause",     "Meier",   "Lehmann", "Köhler",  "Weiß",     "Kühn"};

constexpr V kFrenchMaleGiven[] = {"Nicolas",   "Julien",    "Pierre", "Thomas",  "Antoine",
                                  "François",  "Sébastien", "Jérôme", "Olivier", "Mathieu",
                                  "Guillaume", "Benoît",    "Luc",    "Stéphane"};
constexpr V kFrenchFemaleGiven[] = {"Camille",  "Claire",  "Élodie", "Sophie", "Nathalie",
                                    "Isabelle", "Aurélie", "Céline", "Émilie", "Hélène"};
constexpr V kFrenchMaleSecond[] = {"Marie", "Louis", "Henri", "Paul", "Michel", "André"};
constexpr V kFrenchFemaleSecond[] = {"Marie", "Anne", "Louise", "Hélène", "Françoise"};
constexpr V kFrenchSurnames[] = {
    "Martin",   "Bernard", "Dubois",  "Thomas",   "Robert",   "Richard",  "Petit",  "Durand",
    "Leroy",    "Moreau",  "Simon",   "Laurent",  "Lefèvre",  "Michel",   "Garcia", "David",
    "Bertrand", "Roux",    "Vincent", "Fournier", "Morel",    "Girard",   "André",  "Mercier",
    "Dupont",   "Lambert", "Bonnet",  "François", "Fontaine", "Chevalier"};

constexpr V kItalianMaleGiven[] = {"Marco",     "Giuseppe", "Alessandro", "Luca",    "Andrea",
                                   "Francesco", "Giovanni", "Matteo",     "Stefano", "Paolo",
                                   "Roberto",   "Davide",   "Simone",     "Nicolò"};
constexpr V kItalianFemaleGiven[] = {"Giulia", "Francesca", "Chiara", "Sara",    "Valentina",
                                     "Elena",  "Federica",  "Silvia", "Martina", "Alessia"};
constexpr V kItalianMaleSecond[] = {"Maria", "Antonio", "Giuseppe", "Carlo", "Luigi"};
constexpr V kItalianFemaleSecond[] = {"Maria", "Grazia", "Rosa", "Anna", "Teresa"};
constexpr V kItalianSurnames[] = {
    "Rossi",    "Russo",  "Ferrari",  "Esposito", "Bianchi",  "Romano",  "Colombo",  "Ricci",
    "Marino",   "Greco",  "Bruno",    "Gallo",    "Conti",    "De Luca", "Mancini",  "Costa",
    "Giordano", "Rizzo",  "Lombardi", "Moretti",  "Barbieri", "Fontana", "Santoro",  "Mariani",
    "Rinaldi",  "Caruso", "Ferrara",  "Galli",    "Martini",  "Leone",   "D'Angelo", "Di Stefano"};

// Russian given names (Latin transliteration) and the patronymic each one gives.
constexpr V kRussianMaleGiven[] = {"Aleksandr", "Dmitry",  "Sergey",  "Andrey",     "Aleksey",
                                   "Vladimir",  "Yevgeny", "Mikhail", "Ilya",       "Nikolay",
                                   "Pavel",     "Oleg",    "Igor",    "Kirill",     "Vadim",
                                   "Maksim",    "Roman",   "Artyom",  "Konstantin", "Yury",
                                   "Vasily",    "Grigory", "Anatoly", "Viktor",     "Boris"};
constexpr V kRussianFemaleGiven[] = {"Yelena",     "Olga",     "Tatyana",    "Natalya", "Irina",
                                     "Svetlana",   "Anna",     "Yekaterina", "Mariya",  "Yuliya",
                                     "Anastasiya", "Lyudmila", "Darya",      "Kseniya"};
// Patronymics (from the father's given name), as Russian documents write them.
constexpr V kRussianMalePatronymics[] = {
    "Aleksandrovich", "Sergeyevich",  "Vladimirovich", "Nikolayevich", "Andreyevich",
    "Viktorovich",    "Mikhaylovich", "Yuryevich",     "Anatolyevich", "Ivanovich",
    "Pavlovich",      "Dmitriyevich", "Gennadyevich",  "Valeryevich",  "Borisovich",
    "Olegovich",      "Igorevich",    "Vasilyevich",   "Petrovich",    "Leonidovich"};
constexpr V kRussianFemalePatronymics[] = {
    "Aleksandrovna", "Sergeyevna",  "Vladimirovna", "Nikolayevna", "Andreyevna",
    "Viktorovna",    "Mikhaylovna", "Yuryevna",     "Anatolyevna", "Ivanovna",
    "Pavlovna",      "Dmitriyevna", "Gennadyevna",  "Valeryevna",  "Borisovna",
    "Olegovna",      "Igorevna",    "Vasilyevna",   "Petrovna",    "Leonidovna"};
constexpr V kRussianSurnames[] = {
    "Ivanov",      "Smirnov",   "Kuznetsov",  "Popov",      "Vasilyev", "Petrov",     "Sokolov",
    "Mikhaylov",   "Novikov",   "Fyodorov",   "Morozov",    "Volkov",   "Alekseyev",  "Lebedev",
    "Semyonov",    "Yegorov",   "Pavlov",     "Kozlov",     "Stepanov", "Nikolayev",  "Orlov",
    "Andreyev",    "Makarov",   "Nikitin",    "Zakharov",   "Zaytsev",  "Solovyov",   "Borisov",
    "Yakovlev",    "Grigoryev", "Romanov",    "Vorobyov",   "Sergeyev", "Kuzmin",     "Frolov",
    "Aleksandrov", "Dmitriyev", "Korolyov",   "Gusev",      "Kiselyov", "Ilyin",      "Maksimov",
    "Polyakov",    "Sorokin",   "Vinogradov", "Kovalyov",   "Belov",    "Medvedev",   "Antonov",
    "Tarasov",     "Zhukov",    "Baranov",    "Filippov",   "Komarov",  "Davydov",    "Belyayev",
    "Gerasimov",   "Bogdanov",  "Osipov",     "Sidorov",    "Matveyev", "Titov",      "Markov",
    "Mironov",     "Krylov",    "Kulikov",    "Karpov",     "Vlasov",   "Melnikov",   "Denisov",
    "Gavrilov",    "Tikhonov",  "Kazakov",    "Afanasyev",  "Danilov",  "Savelyev",   "Timofeyev",
    "Fomin",       "Chernov",   "Abramov",    "Martynov",   "Yefimov",  "Fedotov",    "Shcherbakov",
    "Nazarov",     "Kalinin",   "Isayev",     "Chernyshov", "Bykov",    "Malinovsky", "Zhdanov",
    "Yershov",     "Voronin",   "Lazarev"};

constexpr V kBelarusianMaleGiven[] = {"Aliaksandr", "Siarhei", "Dzmitry", "Andrei", "Uladzimir",
                                      "Pavel",      "Ihar",    "Mikalai", "Viktar", "Yauhen",
                                      "Aliaksei",   "Maksim",  "Raman",   "Yury"};
constexpr V kBelarusianFemaleGiven[] = {"Volha",     "Tatsiana", "Maryia",   "Iryna", "Hanna",
                                        "Sviatlana", "Alena",    "Natallia", "Yulia"};
constexpr V kBelarusianMalePatronymics[] = {"Aliaksandravich", "Siarheevich", "Uladzimiravich",
                                            "Mikalaevich",     "Viktaravich", "Ivanavich",
                                            "Piatrovich",      "Leanidavich"};
constexpr V kBelarusianFemalePatronymics[] = {"Aliaksandrauna", "Siarheeuna", "Uladzimirauna",
                                              "Mikalaeuna",     "Viktarauna", "Ivanauna",
                                              "Piatrouna",      "Leanidauna"};
constexpr V kBelarusianSurnames[] = {
    "Ivanou",    "Kazlou",   "Novik",     "Kavaliou",   "Moroz",      "Shautsou",
    "Karpovich", "Bondar",   "Tkachou",   "Hrynevich",  "Savitski",   "Zhuk",
    "Markevich", "Lisouski", "Paulau",    "Sidarenka",  "Yakubovich", "Klimovich",
    "Dubouski",  "Kuzmich",  "Maslouski", "Bahdanovich"};

constexpr V kPolishMaleGiven[] = {"Piotr",  "Krzysztof", "Andrzej",  "Tomasz", "Paweł",
                                  "Michał", "Marcin",    "Grzegorz", "Łukasz", "Jakub"};
constexpr V kPolishFemaleGiven[] = {"Anna",   "Katarzyna", "Małgorzata", "Agnieszka",
                                    "Joanna", "Magdalena", "Ewa",        "Monika"};
constexpr V kPolishSecond[] = {"Jan", "Józef", "Stanisław", "Adam"};
constexpr V kPolishFemaleSecond[] = {"Maria", "Zofia", "Teresa"};
constexpr V kPolishSurnames[] = {"Nowak",     "Kowalski",    "Wiśniewski", "Wójcik",    "Kowalczyk",
                                 "Kamiński",  "Lewandowski", "Zieliński",  "Szymański", "Woźniak",
                                 "Dąbrowski", "Kozłowski",   "Jankowski"};

constexpr V kSloveneMaleGiven[] = {"Marko", "Luka",   "Matej", "Janez",   "Andrej",
                                   "Tomaž", "Gregor", "Rok",   "Boštjan", "Jure"};
constexpr V kSloveneFemaleGiven[] = {"Maja",  "Eva",   "Nina",  "Mojca",
                                     "Petra", "Špela", "Tjaša", "Urška"};
constexpr V kSloveneSecond[] = {"Peter", "Jožef", "Anton"};
constexpr V kSloveneFemaleSecond[] = {"Marija", "Ana"};
constexpr V kSloveneSurnames[] = {"Novak",    "Horvat", "Kovačič", "Krajnc", "Zupančič",
                                  "Potočnik", "Kovač",  "Mlakar",  "Kos",    "Vidmar",
                                  "Golob",    "Turk",   "Kralj",   "Zupan"};

constexpr V kNorwegianMaleGiven[] = {"Jan",  "Per",  "Bjørn", "Ole",    "Lars",  "Kjell",
                                     "Knut", "Arne", "Svein", "Thomas", "Håkon", "Erik"};
constexpr V kNorwegianFemaleGiven[] = {"Anne", "Inger", "Kari",  "Marit",  "Ingrid",
                                       "Liv",  "Eva",   "Silje", "Solveig"};
constexpr V kNorwegianSecond[] = {"Erik", "Martin", "Kristian", "Olav"};
constexpr V kNorwegianFemaleSecond[] = {"Marie", "Elisabeth", "Kristine"};
constexpr V kNorwegianSurnames[] = {"Hansen",   "Johansen",  "Olsen",       "Larsen", "Andersen",
                                    "Pedersen", "Nilsen",    "Kristiansen", "Jensen", "Karlsen",
                                    "Johnsen",  "Pettersen", "Eriksen",     "Berg",   "Haugen",
                                    "Hagen",    "Bakken",    "Solberg"};

constexpr V kSpanishNicknames[] = {"El Flaco", "El Gocho", "Chino",       "Pelón",     "El Negro",
                                   "Catire",   "El Gordo", "Cabezón",     "El Mono",   "Toto",
                                   "El Zurdo", "Pollo",    "El Oriental", "Maracucho", "Guajiro"};

}  // namespace

std::span<const std::string_view> HispanicSurnames() { return kHispanicSurnames; }

NameTable VenezuelanNames() {
  return {kVenezuelanMaleGiven, kVenezuelanFemaleGiven, kVenezuelanMaleSecondGiven,
          kVenezuelanFemaleSecondGiven, kHispanicSurnames};
}
NameTable SpanishNames() {
  return {kSpanishMaleGiven, kSpanishFemaleGiven, kSpanishMaleSecondGiven,
          kSpanishFemaleSecondGiven, kHispanicSurnames};
}
NameTable AmericanNames() {
  return {kAmericanMaleGiven, kAmericanFemaleGiven, kAmericanMaleSecond, kAmericanFemaleSecond,
          kAmericanSurnames};
}
NameTable GermanNames() {
  return {kGermanMaleGiven, kGermanFemaleGiven, kGermanMaleSecond, kGermanFemaleSecond,
          kGermanSurnames};
}
NameTable FrenchNames() {
  return {kFrenchMaleGiven, kFrenchFemaleGiven, kFrenchMaleSecond, kFrenchFemaleSecond,
          kFrenchSurnames};
}
NameTable ItalianNames() {
  return {kItalianMaleGiven, kItalianFemaleGiven, kItalianMaleSecond, kItalianFemaleSecond,
          kItalianSurnames};
}
NameTable RussianNames() {
  return {kRussianMaleGiven, kRussianFemaleGiven, kRussianMalePatronymics,
          kRussianFemalePatronymics, kRussianSurnames};
}
NameTable BelarusianNames() {
  return {kBelarusianMaleGiven, kBelarusianFemaleGiven, kBelarusianMalePatronymics,
          kBelarusianFemalePatronymics, kBelarusianSurnames};
}
NameTable PolishNames() {
  return {kPolishMaleGiven, kPolishFemaleGiven, kPolishSecond, kPolishFemaleSecond,
          kPolishSurnames};
}
NameTable SloveneNames() {
  return {kSloveneMaleGiven, kSloveneFemaleGiven, kSloveneSecond, kSloveneFemaleSecond,
          kSloveneSurnames};
}
NameTable NorwegianNames() {
  return {kNorwegianMaleGiven, kNorwegianFemaleGiven, kNorwegianSecond, kNorwegianFemaleSecond,
          kNorwegianSurnames};
}

std::span<const std::string_view> SpanishNicknames() { return kSpanishNicknames; }

}  // namespace canje::scenario
