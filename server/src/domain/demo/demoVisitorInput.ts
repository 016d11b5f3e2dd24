/**
 * What the scripted visitors type into the demo shop while its sessions are recorded
 * (server/scripts/recordDemoSessions.ts). The recorder masks it before anything is sent, so none
 * of the typed form values are in the recordings, nor in what seedDemoData stores: its test
 * checks both. The search box is the shop's one non-sensitive field (MS-1.6): its queries are
 * kept as typed.
 */
export const demoCheckoutInput = {
  ana: {
    name: "Ana Ribeiro",
    email: "ana.ribeiro@example.com",
    password: "Sup3r-Secret-Pw!",
    address: "Rua das Flores 27, 4050-262 Porto",
    country: "Portugal",
    phone: "+351 912 345 678",
    cardNumber: "4111 1111 1111 1111",
    cardExpiry: "09 / 28",
    cardCsc: "737",
    notes: "Please leave it with the neighbour at number 29",
  },
  tom: {
    name: "Tom Whitaker",
    address: "14 Kirkstall Road, Leeds LS4 2AS",
    notes: "Ring twice, the bell is quiet",
  },
  mei: {
    name: "Mei Jansen",
    email: "mei.jansen@example.net",
  },
} as const;

export const demoSearches = ["gift card", "merino"] as const;
