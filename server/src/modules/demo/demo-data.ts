/**
 * The demo network: a dozen worker co-ops of Valencia with real streets and
 * map positions, the five people of each who have an account, supporters,
 * two co-ops waiting for a decision, and the word pools from which larger
 * demo networks (for benchmarks) are made up. What the co-ops write is in the
 * network's language, Spanish, except where a co-op would write in English.
 */

/** Everyone in the demo signs in with this password; `serve` prints it. */
export const DEMO_PASSWORD = 'coopnet-demo';

export const DEMO_NETWORK = {
  name: 'Red de Cooperativas de Valencia',
  currency: 'EUR',
  locale: 'es',
  timeZone: 'Europe/Madrid',
  description:
    'Cooperativas de trabajo de València que ofrecen descuentos a las personas trabajadoras de las demás, comparten un fondo de solidaridad y deciden juntas en asamblea.',
};

export const CITY = 'València';

/** [given name(s), first surname, second surname?]; e-mails are given.surname1@<co-op slug>.example */
export type PersonName = readonly [string, string, string?];

export interface DemoCoop {
  name: string;
  sector: string;
  legalForm: string;
  address: string;
  latitude: number;
  longitude: number;
  workerCount: number;
  description: string;
  /** the first is the co-op's admin, the second its cashier */
  people: readonly [PersonName, PersonName, PersonName, PersonName, PersonName];
}

const CTA = 'cooperativa de trabajo asociado';

export const DEMO_COOPS: readonly DemoCoop[] = [
  {
    name: 'Forn de la Plaça',
    sector: 'bakery',
    legalForm: CTA,
    address: 'Carrer de Sueca 41, Russafa',
    latitude: 39.4619,
    longitude: -0.3748,
    workerCount: 9,
    description: 'Pan de masa madre, coques y fartons horneados cada noche con harina molida en l’Horta. El horno es de quienes trabajan en él desde 2014.',
    people: [['Vicent', 'Llopis', 'Ferrer'], ['Amina', 'El Idrissi'], ['Pau', 'Navarro', 'Gil'], ['Lucía', 'Martínez', 'Soler'], ['Ioana', 'Popescu']],
  },
  {
    name: 'Bicis del Túria',
    sector: 'bicycles',
    legalForm: CTA,
    address: 'Carrer de Quart 78, Extramurs',
    latitude: 39.4774,
    longitude: -0.3867,
    workerCount: 6,
    description: 'Reparación de bicicletas, bicis de segunda mano y repartos en bici de carga por toda la ciudad. Talleres gratuitos de reparación los sábados por la mañana.',
    people: [['Jordi', 'Ribes', 'Català'], ['Daniela', 'Restrepo', 'Gómez'], ['Oumar', 'Diallo'], ['Marc', 'Peris', 'Sanchis'], ['Carla', 'Ortega', 'Ruiz']],
  },
  {
    name: 'Llibreria La Rosa dels Vents',
    sector: 'books',
    legalForm: CTA,
    address: 'Carrer de Dalt 12, El Carme',
    latitude: 39.4788,
    longitude: -0.3813,
    workerCount: 5,
    description: 'Llibreria independent en valencià, castellà i anglès. An independent bookshop in Valencian, Spanish and English, with a children’s corner, reading clubs and book presentations.',
    people: [['Empar', 'Climent', 'Bosch'], ['Hugo', 'Benavent', 'Roig'], ['Yasmin', 'Haddad'], ['Nerea', 'Aguilar', 'Pons'], ['Tomás', 'Iglesias', 'Mora']],
  },
  {
    name: 'La Comuna Cafè',
    sector: 'cafe',
    legalForm: CTA,
    address: 'Carrer de Cuba 9, Russafa',
    latitude: 39.4606,
    longitude: -0.3736,
    workerCount: 11,
    description: 'Cafetería y cocina con menú del día del mercado, café de comercio justo tostado por una cooperativa colombiana y una sala para las reuniones del barrio.',
    people: [['Sofía', 'Castillo', 'Vera'], ['Rashid', 'Benali'], ['Júlia', 'Martí', 'Esteve'], ['Diego', 'Paredes', 'Luna'], ['Mei', 'Chen']],
  },
  {
    name: 'Neteges Solidàries',
    sector: 'cleaning',
    legalForm: CTA,
    address: 'Carrer de Jesús 150, Jesús',
    latitude: 39.4612,
    longitude: -0.3843,
    workerCount: 23,
    description: 'Limpieza de casas, oficinas y comunidades de vecinos con productos ecológicos, fundada por trabajadoras del hogar que querían contratos justos.',
    people: [['Rosa', 'Mendoza', 'Quispe'], ['Fatou', 'Ndiaye'], ['Elena', 'Vasile'], ['Carmen', 'Romero', 'Pastor'], ['Khadija', 'Ouali']],
  },
  {
    name: 'Construccions Horta Nord',
    sector: 'construction',
    legalForm: CTA,
    address: 'Carrer d’Emili Baró 44, Benimaclet',
    latitude: 39.4868,
    longitude: -0.3612,
    workerCount: 17,
    description: 'Reformas, rehabilitación energética y baños accesibles; también construye las viviendas cooperativas de la red.',
    people: [['Andreu', 'Sanz', 'Miralles'], ['Mohamed', 'Chakir'], ['Valentina', 'Torres', 'Mejía'], ['Xavier', 'Bonet', 'Vila'], ['Ruslan', 'Kovalenko']],
  },
  {
    name: 'Codi Comú',
    sector: 'software',
    legalForm: CTA,
    address: 'Carrer de Sant Vicent Màrtir 85, Ciutat Vella',
    latitude: 39.4692,
    longitude: -0.3779,
    workerCount: 8,
    description: 'Free software, websites and IT support for co-ops, associations and small shops. Maintainers of this network’s platform.',
    people: [['Irene', 'Company', 'Salvador'], ['Arnau', 'Gimeno', 'Puig'], ['Marta', 'Soler', 'Vidal'], ['Priya', 'Sharma'], ['Alejandro', 'Ruiz', 'Cano']],
  },
  {
    name: 'Ecomercat de Benimaclet',
    sector: 'grocery',
    legalForm: CTA,
    address: 'Plaça de Benimaclet 8, Benimaclet',
    latitude: 39.4873,
    longitude: -0.3593,
    workerCount: 7,
    description: 'Alimentación ecológica y de proximidad de l’Horta, sin plásticos y a precio de socia para las personas trabajadoras de la red.',
    people: [['Teresa', 'Alcañiz', 'Moll'], ['Bilal', 'Hussain'], ['Noelia', 'Sáez', 'Ibáñez'], ['Joan', 'Cervera', 'Llorens'], ['Ana Lucía', 'Vargas']],
  },
  {
    name: 'Escoleta El Niu',
    sector: 'childcare',
    legalForm: CTA,
    address: 'Carrer de Sagunt 115, Saïdia',
    latitude: 39.4861,
    longitude: -0.3771,
    workerCount: 10,
    description: 'Escuela infantil de 0 a 3 años gestionada por sus educadoras, con cuotas según ingresos y plazas reservadas para familias que lo necesitan.',
    people: [['Maria Dolores', 'Fuster', 'Alapont'], ['Gemma', 'Tortosa', 'Beltrán'], ['Samira', 'Amrani'], ['Raquel', 'Montesinos', 'Vidal'], ['Olga', 'Shevchenko']],
  },
  {
    name: 'Tinta Roja Impremta',
    sector: 'printing',
    legalForm: CTA,
    address: 'Carrer de Borrull 27, Extramurs',
    latitude: 39.4744,
    longitude: -0.3883,
    workerCount: 6,
    description: 'Impresión en risografía y offset sobre papel reciclado: carteles, libros, fanzines y el material de campaña de la red.',
    people: [['Ferran', 'Alberola', 'Pla'], ['Lorena', 'Castelló', 'Sena'], ['Abdou', 'Sow'], ['Iván', 'Molina', 'Ortiz'], ['Sara', 'Cuesta', 'Blasco']],
  },
  {
    name: 'Cervesa del Cabanyal',
    sector: 'brewery',
    legalForm: CTA,
    address: 'Carrer de la Reina 120, El Cabanyal',
    latitude: 39.4701,
    longitude: -0.3304,
    workerCount: 5,
    description: 'Pequeña cervecera con bar a dos calles del mar, que elabora cerveza con arroz y naranjas de huertos de la zona.',
    people: [['Toni', 'Server', 'Escrivà'], ['Núria', 'Calatayud', 'Pérez'], ['Kevin', 'Andrade', 'Morales'], ['Alba', 'Giner', 'Roca'], ['Luca', 'Romano']],
  },
  {
    name: 'Fil i Agulla',
    sector: 'textiles',
    legalForm: CTA,
    address: 'Avinguda del Port 210, Camins al Grau',
    latitude: 39.4613,
    longitude: -0.3429,
    workerCount: 14,
    description: 'Taller de costura que hace ropa de trabajo, uniformes y bolsas con tela sobrante; arreglos al momento.',
    people: [['Consuelo', 'Ramírez', 'Aliaga'], ['Aicha', 'Bakayoko'], ['Mireia', 'Sempere', 'Garcia'], ['Wei', 'Zhang'], ['Lidia', 'Ferrer', 'Oltra']],
  },
];

/** Where the network roles sit: [co-op index, person index] in DEMO_COOPS. */
export const COORDINATOR_AT = [6, 2] as const; // Marta Soler Vidal, Codi Comú
export const TREASURER_AT = [7, 2] as const; // Noelia Sáez Ibáñez, Ecomercat de Benimaclet
/** The worker shown in the login table: of another co-op than the cashier, so the cashier can check their card. */
export const SHOWN_WORKER_AT = [1, 2] as const; // Oumar Diallo, Bicis del Túria

export const SUPPORTER_DOMAIN = 'correo.example';
export const DEMO_SUPPORTERS: readonly PersonName[] = [
  ['Enric', 'Miralles', 'Soto'],
  ['Beatriz', 'Lozano', 'Cruz'],
  ['Youssef', 'Amar'],
  ['Inma', 'Grau', 'Sancho'],
  ['Gabriel', 'Santos', 'Pereira'],
];

export interface DemoApplicant {
  name: string;
  sector: string;
  address: string;
  latitude: number;
  longitude: number;
  workerCount: number;
  description: string;
  contact: PersonName;
  message: string;
}

/** Two co-ops that asked to join, so coordinators have something to decide. */
export const DEMO_APPLICANTS: readonly DemoApplicant[] = [
  {
    name: 'Mudances La Solidària',
    sector: 'removals',
    address: 'Carrer de Sant Pere 33, Natzaret',
    latitude: 39.4489,
    longitude: -0.3342,
    workerCount: 6,
    description: 'Mudanzas y pequeños transportes en furgonetas eléctricas, de antiguos repartidores de una plataforma.',
    contact: ['Ricardo', 'Ibarra', 'Solís'],
    message: 'Nos constituimos como cooperativa la primavera pasada y queremos ofrecer mudanzas a precio de coste a las personas trabajadoras de la red.',
  },
  {
    name: 'Cuidem Cooperativa de Cures',
    sector: 'home-care',
    address: 'Carrer de Tomàs de Montañana 19, Orriols',
    latitude: 39.4951,
    longitude: -0.3702,
    workerCount: 12,
    description: 'Atención a domicilio para personas mayores y con discapacidad, con horarios estables y salarios que fijan las propias cuidadoras.',
    contact: ['Mercedes', 'Huerta', 'Gallego'],
    message: 'Somos doce cuidadoras; entrar en el fondo nos ayudaría los meses en que el ayuntamiento paga tarde.',
  },
];

/** Neighbourhoods with a centre point and real streets, for the made-up co-ops of large demo networks. */
export const NEIGHBOURHOODS: readonly { name: string; latitude: number; longitude: number; streets: readonly string[] }[] = [
  { name: 'Russafa', latitude: 39.4615, longitude: -0.3745, streets: ['Carrer de Sueca', 'Carrer de Cuba', 'Carrer del Literat Azorín', 'Carrer de Puerto Rico', 'Carrer de Buenos Aires'] },
  { name: 'El Carme', latitude: 39.4782, longitude: -0.3812, streets: ['Carrer de Dalt', 'Carrer dels Cavallers', 'Carrer de la Corona', 'Carrer de Baix', 'Carrer de la Bosseria'] },
  { name: 'Benimaclet', latitude: 39.4872, longitude: -0.3598, streets: ['Carrer d’Emili Baró', 'Carrer del Doctor Vicent Zaragozá', 'Carrer de l’Arquitecte Arnau', 'Carrer de Benicarló'] },
  { name: 'El Cabanyal', latitude: 39.4695, longitude: -0.3305, streets: ['Carrer de la Reina', 'Carrer de Josep Benlliure', 'Carrer de la Barraca', 'Carrer del Progrés', 'Carrer de Pescadors'] },
  { name: 'Patraix', latitude: 39.4605, longitude: -0.3945, streets: ['Carrer de Patraix', 'Carrer de Santa Cruz de Tenerife', 'Carrer del Músic Ayllón', 'Carrer de Fontanars dels Alforins'] },
  { name: 'Campanar', latitude: 39.4825, longitude: -0.3975, streets: ['Carrer de Campanar', 'Avinguda de Pius XII', 'Carrer del Mestre Rodrigo', 'Carrer de Valle de la Ballestera'] },
  { name: 'Benicalap', latitude: 39.4948, longitude: -0.3925, streets: ['Carrer de Benicalap', 'Carrer de Luis Crumiere', 'Carrer del Doctor Nicasio Benlloch'] },
  { name: 'Orriols', latitude: 39.4950, longitude: -0.3705, streets: ['Carrer de Tomàs de Montañana', 'Carrer de Sant Vicent de Paül', 'Carrer del Poeta Rafael Alberti'] },
  { name: 'Algirós', latitude: 39.4718, longitude: -0.3505, streets: ['Carrer de Ramiro de Maeztu', 'Carrer del Doctor Manuel Candela', 'Avinguda dels Tarongers'] },
  { name: 'Malilla', latitude: 39.4482, longitude: -0.3702, streets: ['Carrer de Malilla', 'Carrer de l’Arquebisbe Melo', 'Carrer de la Bomba'] },
  { name: 'L’Eixample', latitude: 39.4668, longitude: -0.3698, streets: ['Carrer de Ciscar', 'Carrer del Comte d’Altea', 'Gran Via del Marqués del Túria', 'Carrer de Sorní'] },
  { name: 'Extramurs', latitude: 39.4705, longitude: -0.3885, streets: ['Carrer de Quart', 'Carrer de Borrull', 'Carrer d’Àngel Guimerà', 'Carrer de Calixt III'] },
  { name: 'Saïdia', latitude: 39.4842, longitude: -0.3792, streets: ['Carrer de Sagunt', 'Carrer de Joan XXIII', 'Carrer del Doctor Olóriz'] },
  { name: 'Camins al Grau', latitude: 39.4648, longitude: -0.3552, streets: ['Carrer de Peris i Valero', 'Avinguda del Port', 'Carrer de Jerónimo Monsoriu'] },
  { name: 'Natzaret', latitude: 39.4498, longitude: -0.3348, streets: ['Carrer de Sant Pere', 'Carrer del Mar Bàltic', 'Carrer de Fuente Podrida'] },
  { name: 'Jesús', latitude: 39.4585, longitude: -0.3858, streets: ['Carrer de Jesús', 'Carrer de Sant Vicent Màrtir', 'Carrer de Tres Forques'] },
];

/** Per sector: kinds of business (the first word of a made-up name) and what such a co-op does. */
export const SECTORS: readonly { sector: string; kinds: readonly string[]; does: string }[] = [
  { sector: 'bakery', kinds: ['Forn', 'Obrador', 'Panadería', 'Pastisseria'], does: 'pan, bollería y coques que hornean las personas dueñas del horno' },
  { sector: 'bicycles', kinds: ['Bicis', 'Taller de Bicis', 'Ciclos'], does: 'reparación y alquiler de bicicletas y repartos en bici de carga' },
  { sector: 'books', kinds: ['Llibreria', 'Librería', 'Llibres'], does: 'una librería independiente con clubes de lectura y presentaciones' },
  { sector: 'cafe', kinds: ['Cafè', 'Bar', 'Cafetería', 'Horchatería'], does: 'café, menú del día y una sala para las reuniones del barrio' },
  { sector: 'cleaning', kinds: ['Neteges', 'Limpiezas', 'Serveis de Neteja'], does: 'limpieza de casas, oficinas y comunidades de vecinos' },
  { sector: 'construction', kinds: ['Construccions', 'Reformes', 'Obres'], does: 'reformas, rehabilitación y viviendas accesibles' },
  { sector: 'software', kinds: ['Codi', 'Programari', 'Dades'], does: 'software libre, webs y soporte informático' },
  { sector: 'grocery', kinds: ['Ecomercat', 'Botiga', 'Queviures', 'Fruiteria'], does: 'alimentación ecológica y de proximidad a precio justo' },
  { sector: 'childcare', kinds: ['Escoleta', 'Ludoteca', 'Niu'], does: 'escuela infantil y actividades extraescolares que gestionan sus educadoras' },
  { sector: 'printing', kinds: ['Impremta', 'Gràfiques', 'Serigrafia'], does: 'impresión, encuadernación y diseño sobre papel reciclado' },
  { sector: 'brewery', kinds: ['Cervesa', 'Cerveseria', 'Fàbrica de Cervesa'], does: 'cerveza artesana elaborada con ingredientes de la zona' },
  { sector: 'textiles', kinds: ['Tèxtils', 'Taller de Costura', 'Confeccions'], does: 'costura, arreglos y ropa hecha con tela sobrante' },
  { sector: 'removals', kinds: ['Mudances', 'Transports'], does: 'mudanzas y pequeños transportes en furgonetas eléctricas' },
  { sector: 'home-care', kinds: ['Cures', 'Atenció a Domicili'], does: 'atención a domicilio para personas mayores y con discapacidad' },
  { sector: 'energy', kinds: ['Energia', 'Solar', 'Instal·lacions'], does: 'placas solares, calefacción eficiente y asesoría energética' },
  { sector: 'media', kinds: ['Ràdio', 'Revista', 'Produccions'], does: 'periodismo local, radio y vídeo' },
];

/** Second halves of made-up co-op names. */
export const NAME_WORDS: readonly string[] = [
  'La Estrella', 'del Carme', 'de Russafa', 'La Fraternal', 'El Tarongerar', 'Horta Sud', 'La Unió', 'del Grau',
  'La Llavor', 'El Pont', 'La Senda', 'del Túria', 'La Barraca', 'Albufera', 'La Marina', 'El Micalet',
  'La Vall', 'La Lluna', 'El Sol', 'La Mar', 'La Primavera', 'El Rogle', 'La Xarxa', 'Germanies',
  'La Rosella', 'El Safareig', 'La Cistella', 'Nou Camí', 'Bon Dia', 'La Teranyina', 'El Bancal', 'La Sèquia',
  'Solidària', 'Comunal', 'Popular', 'del Barri', 'La Colla', 'Terra Viva', 'Mans Unides', 'Les Eres',
];

export const GIVEN_NAMES: readonly string[] = [
  'Lucía', 'Pau', 'María', 'Vicent', 'Carmen', 'Jordi', 'Laura', 'Javier', 'Marta', 'Sergio', 'Paula', 'Andreu',
  'Núria', 'David', 'Elena', 'Carlos', 'Sara', 'Miguel', 'Ainhoa', 'Pablo', 'Irene', 'Álvaro', 'Clara', 'Hugo',
  'Amparo', 'Josep', 'Rocío', 'Raúl', 'Neus', 'Manuel', 'Aitana', 'Óscar', 'Empar', 'Quique', 'Alba', 'Xavier',
  'Fatima', 'Mohamed', 'Amina', 'Youssef', 'Khadija', 'Omar', 'Ioana', 'Andrei', 'Elena', 'Mihai', 'Olena', 'Dmytro',
  'Valentina', 'Andrés', 'Daniela', 'Luis', 'Camila', 'Jhon', 'Mariama', 'Moussa', 'Awa', 'Ibrahima', 'Li', 'Wei',
  'Priya', 'Arjun', 'Aisha', 'Bilal', 'Giulia', 'Marco', 'Sophie', 'Lucas', 'Ana', 'Tiago', 'Nadia', 'Karim',
];

export const SURNAMES: readonly string[] = [
  'García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Navarro', 'Ferrer', 'Soler', 'Llopis', 'Bosch',
  'Vidal', 'Martí', 'Puig', 'Roig', 'Sanchis', 'Peris', 'Climent', 'Gil', 'Esteve', 'Mas', 'Pons', 'Vila',
  'Cervera', 'Escrivà', 'Giner', 'Fuster', 'Tortosa', 'Alberola', 'Castelló', 'Sempere', 'Moll', 'Roca', 'Blasco', 'Pla',
  'Benali', 'El Amrani', 'Haddad', 'Ouali', 'Popescu', 'Ionescu', 'Kovalenko', 'Shevchenko', 'Restrepo', 'Quispe', 'Mejía', 'Vargas',
  'Diallo', 'Ndiaye', 'Sow', 'Bakayoko', 'Chen', 'Zhang', 'Sharma', 'Hussain', 'Romano', 'Rossi', 'Silva', 'Pereira',
];
