import type { Locale } from '../schemas/registration';

/** What the link pages say, per language. */
export const T = {
  sk: {
    confirmedTitle: 'Registrácia je potvrdená',
    confirmedText:
      'Ďakujeme. Potvrdenie s termínmi do kalendára sme vám poslali e-mailom. Odkaz na pripojenie vám pošleme približne 24 hodín pred začiatkom každého workshopu.',
    alreadyTitle: 'Registrácia už bola potvrdená',
    alreadyText: 'Vaša registrácia je v poriadku, nemusíte nič robiť.',
    expiredTitle: 'Platnosť odkazu vypršala',
    expiredText:
      'Registráciu sme do 24 hodín nepotvrdili, a tak sme miesto uvoľnili. Zaregistrujte sa, prosím, znova.',
    cancelledTitle: 'Registrácia bola zrušená',
    invalidTitle: 'Odkaz nie je platný',
    invalidText:
      'Odkaz je neúplný alebo už nie je platný. Skontrolujte, či ste ho z e-mailu skopírovali celý.',
    yourWorkshops: 'Vaše workshopy:',
    manageTitle: 'Vaša registrácia',
    pending: 'Registrácia zatiaľ nie je potvrdená: potvrďte ju odkazom v e-maile.',
    chooseToCancel: 'Ktoré workshopy chcete zrušiť?',
    cancelSelected: 'Zrušiť vybrané',
    cancelAll: 'Zrušiť celú registráciu',
    nothingHeld: 'Na žiadny workshop už nie ste zaregistrovaný/-á.',
    nothingChosen:
      'Nevybrali ste žiadny workshop. Vyberte aspoň jeden alebo zrušte celú registráciu.',
    cancelDoneText: 'Zrušili sme vašu registráciu na:',
    cancelMailText: 'Potvrdenie sme vám poslali e-mailom.',
    stillRegistered: 'Naďalej ste zaregistrovaný/-á na:',
    confirmTitle: 'Potvrďte registráciu',
    confirmText: 'Registráciu dokončíte tlačidlom nižšie. Registrujete sa na:',
    confirmButton: 'Potvrdiť registráciu',
    lapsedText:
      'Miesto sme vám držali do {until}. Ak registráciu potvrdíte teraz, dostanete tie z miest, ktoré sú ešte voľné:',
    noSeatLeft: 'už nie je voľné miesto',
    notKeptTitle: 'Na tieto workshopy pre vás už miesto nie je:',
    lapsedFullTitle: 'Miesta sú už obsadené',
    lapsedFullText:
      'Miesto sme vám držali hodinu. Registráciu ste v tom čase nepotvrdili a medzitým miesto obsadil niekto iný. Zaregistrujte sa, prosím, znova, prípadne na iný termín.',
    registerAgain: 'Zaregistrovať sa znova',
  },
  en: {
    confirmedTitle: 'Registration confirmed',
    confirmedText:
      'Thank you. We have e-mailed you a confirmation with calendar entries. We will e-mail you the join link about 24 hours before each workshop starts.',
    alreadyTitle: 'Registration already confirmed',
    alreadyText: 'Your registration is in order; there is nothing more to do.',
    expiredTitle: 'This link has expired',
    expiredText:
      'The registration was not confirmed within 24 hours, so we released the seat. Please register again.',
    cancelledTitle: 'Registration cancelled',
    invalidTitle: 'This link is not valid',
    invalidText:
      'The link is incomplete or no longer valid. Check that you copied all of it from the e-mail.',
    yourWorkshops: 'Your workshops:',
    manageTitle: 'Your registration',
    pending: 'Your registration is not confirmed yet: confirm it with the link in the e-mail.',
    chooseToCancel: 'Which workshops do you want to cancel?',
    cancelSelected: 'Cancel selected',
    cancelAll: 'Cancel the whole registration',
    nothingHeld: 'You are no longer registered for any workshop.',
    nothingChosen:
      'You did not choose a workshop. Choose at least one, or cancel the whole registration.',
    cancelDoneText: 'We have cancelled your registration for:',
    cancelMailText: 'We have e-mailed you a confirmation.',
    stillRegistered: 'You are still registered for:',
    confirmTitle: 'Confirm your registration',
    confirmText: 'Finish your registration with the button below. You are registering for:',
    confirmButton: 'Confirm registration',
    lapsedText:
      'We held your seat until {until}. If you confirm now, you get those of the seats that are still free:',
    noSeatLeft: 'no seat left',
    notKeptTitle: 'These workshops have no seat left for you:',
    lapsedFullTitle: 'The seats have been taken',
    lapsedFullText:
      'We held your seat for an hour. The registration was not confirmed in that time, and someone else has taken the seat since. Please register again, perhaps for another date.',
    registerAgain: 'Register again',
  },
} satisfies Record<Locale, Record<string, string>>;
