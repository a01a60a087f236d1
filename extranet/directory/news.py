from django.shortcuts import render
from django.views.decorators.http import require_GET

from extranet.decorators import member_required
from extranet.models import NewsItem


@require_GET
@member_required
def news_list(request):
    news = NewsItem.objects.published().select_related("structure")[:50]
    return render(request, "extranet/directory/news_list.html", {"news": news})
