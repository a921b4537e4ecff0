## Outreach: QR posters for districts and camps (/poster, for staff), and the printed poster

poster-usage = Write: /poster district [camp name] — e.g. /poster Gorakhpur ODOP fair November
poster-not-allowed = Posters can be made by admins, and by reviewers for their own districts.
poster-other-district = { $district } is not one of your districts, so you cannot make its poster.
poster-bad-district = No district called "{ $name }". Write: /poster district [camp name]
poster-did-you-mean = Did you mean: { $names }
poster-making = Making the poster, it will arrive in a few seconds…
poster-ready = The poster for { $district } is ready{ $camp } — print it on A4 (the PDF for printing, the PNG to show on a phone).
    Its link: { $link }
poster-ready-camp = , camp: { $camp }
poster-failed = The poster could not be made: the server lacks the Hindi font (fonts-noto-core) or Pillow's Raqm library. Tell whoever runs the server.

# The printed poster (in chat always in Hindi; `python -m bot poster --lang en` prints this).
poster-title = District Industries Centre, { $district }
poster-headline = Register your products for online sale, from your phone
poster-step-1 = Scan this code with your phone's camera
poster-step-2 = Telegram opens
poster-step-3 = Press the START button at the bottom

# An artisan who came by a poster, before the consent question.
campaign-welcome = 🙏 Welcome, from the District Industries Centre of { $district }.

stats-campaigns-title = <b>Posters and camps</b> (artisans registered / products approved or listed)
stats-campaign-line = { $campaign } — { $district }: { $registered } / { $approved }
